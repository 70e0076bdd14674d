//! `wegweiser serve` (placeholder while being written).
use clap::Args;
use super::{Context, Outcome, RootArgs};
#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    root: RootArgs,
    /// Port on 127.0.0.1.
    #[arg(long, default_value_t = 1111)]
    port: u16,
}
pub fn run(_ctx: &Context, _args: ServeArgs) -> Outcome { Outcome::Success }
