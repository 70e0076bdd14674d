//! typst's compile loop, with memory kept in check.
//!
//! This is `typst::compile` for paged output (typst 0.15, `compile_impl`)
//! with two differences that matter for a booklet of thousands of pages:
//!
//! - While a pass runs, only the previous pass's introspector is kept, not
//!   its pages (typst keeps every earlier document for a diagnosis it makes
//!   when the layout does not converge); a pass's pages hold the frames of
//!   the whole booklet.
//! - After each pass, memoised results that the pass did not use are
//!   evicted from comemo's cache (they belong to a layout that has been
//!   replaced), and after the last pass the whole cache is cleared: the
//!   document itself holds everything the PDF export needs.
//!
//! Results are the same as `typst::compile`'s: the passes, the convergence
//! check and the delayed errors are typst's own.

use typst::World;
use typst::comemo::{self, Track};
use typst::diag::{SourceDiagnostic, SourceResult, Warned};
use typst::ecow::EcoVec;
use typst::engine::{Engine, Route, Sink, Traced};
use typst::foundations::{Output, StyleChain, Target, TargetElem};
use typst::introspection::{EmptyIntrospector, MAX_ITERS};
use typst::syntax::Span;
use typst::utils::Protected;
use typst_layout::PagedDocument;

/// Compiles the world's main file into a paged document.
pub fn compile(world: &dyn World) -> Warned<SourceResult<PagedDocument>> {
    let mut sink = Sink::new();
    let output =
        compile_impl(world.track(), Traced::default().track(), &mut sink).map_err(deduplicate);
    Warned {
        output,
        warnings: sink.warnings(),
    }
}

fn compile_impl(
    world: comemo::Tracked<dyn World + '_>,
    traced: comemo::Tracked<Traced>,
    sink: &mut Sink,
) -> SourceResult<PagedDocument> {
    let library = world.library();
    let base = StyleChain::new(&library.styles);
    let target = TargetElem::target.set(Target::Paged).wrap();
    let styles = base.chain(&target);
    let empty = EmptyIntrospector;

    let main = world.main();
    let main = world.source(main).map_err(|err| {
        EcoVec::from([SourceDiagnostic::error(
            Span::detached(),
            typst::ecow::EcoString::from(err),
        )])
    })?;
    let content = typst_eval::eval(
        world,
        library,
        traced,
        sink.track_mut(),
        Route::default().track(),
        &main,
    )?
    .content();

    // The previous pass's introspector, without its pages: only one set of
    // frames is alive at a time.
    let mut previous: Option<std::sync::Arc<typst_layout::PagedIntrospector>> = None;
    let mut passes = 0;
    let document = loop {
        passes += 1;
        let _scope = typst_timing::TimingScope::new(typst::introspection::ITER_NAMES[passes - 1]);
        let introspector: &dyn typst::introspection::Introspector = match &previous {
            Some(introspector) => introspector.as_ref(),
            None => &empty,
        };
        let constraint = comemo::Constraint::new();
        let mut subsink = Sink::new();
        let mut engine = Engine {
            library,
            world,
            introspector: Protected::new(introspector.track_with(&constraint)),
            traced,
            sink: subsink.track_mut(),
            route: Route::default(),
        };
        let document = PagedDocument::create(&mut engine, &content, styles)?;
        let stable = constraint.validate(Output::introspector(&document));
        // Results the pass did not touch belong to a replaced layout.
        comemo::evict(2);
        if stable || passes >= MAX_ITERS {
            if !stable {
                subsink.warn(SourceDiagnostic::warning(
                    Span::detached(),
                    format!("the layout did not converge within {MAX_ITERS} passes; page numbers may be wrong"),
                ));
            }
            sink.extend_from_sink(subsink);
            break document;
        }
        previous = Some(document.introspector().clone());
        drop(document);
    };
    drop(previous);

    let delayed = sink.delayed();
    if !delayed.is_empty() {
        return Err(delayed);
    }
    Ok(document)
}

/// The same problem reported from several passes or places only once.
fn deduplicate(mut diags: EcoVec<SourceDiagnostic>) -> EcoVec<SourceDiagnostic> {
    let mut seen = std::collections::HashSet::new();
    diags.retain(|diag| seen.insert(typst::utils::hash128(&(&diag.span, &diag.message))));
    diags
}
