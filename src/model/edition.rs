//! The print edition of a year (contract, section 6) and the stale rule.

use jiff::ToSpan;

use super::{ContactPointId, Date, Directory, EntryRef, GroupId, OrganisationId, Status};

/// The entries printed in the edition of one year, in A–Z order.
#[derive(Debug, Clone)]
pub struct Edition<'a> {
    /// The directory.
    pub directory: &'a Directory,
    /// The year (`--year`).
    pub year: i32,
    /// Printed groups, A–Z.
    pub groups: Vec<GroupId>,
    /// Printed organisations, A–Z.
    pub organisations: Vec<OrganisationId>,
    /// Printed contact points, A–Z.
    pub contact_points: Vec<ContactPointId>,
    /// Printed free pages (indices into `directory.pages`), by weight.
    pub pages: Vec<usize>,
}

/// 1 January of a year.
pub fn new_year(year: i32) -> Date {
    Date::new(year.clamp(1, 9998) as i16, 1, 1).unwrap_or(Date::MIN)
}

impl<'a> Edition<'a> {
    /// Applies the rules: `print = true`; not ended before 1 January of the
    /// year; not founded after the year.
    pub fn new(directory: &'a Directory, year: i32) -> Edition<'a> {
        let jan1 = new_year(year);
        let groups = directory
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| {
                g.meta.print
                    && !(g.status == Status::Ended && g.ended.is_some_and(|e| e < jan1))
                    && g.since.is_none_or(|s| s <= year)
            })
            .map(|(i, _)| GroupId(i))
            .collect();
        let organisations = (0..directory.organisations.len())
            .filter(|&i| directory.organisations[i].meta.print)
            .map(OrganisationId)
            .collect();
        let contact_points = (0..directory.contact_points.len())
            .filter(|&i| directory.contact_points[i].meta.print)
            .map(ContactPointId)
            .collect();
        let pages = (0..directory.pages.len())
            .filter(|&i| directory.pages[i].print)
            .collect();
        Edition {
            directory,
            year,
            groups,
            organisations,
            contact_points,
            pages,
        }
    }

    /// Is an entry printed in this edition?
    pub fn contains(&self, e: EntryRef) -> bool {
        match e {
            EntryRef::Group(g) => self.groups.binary_search(&g).is_ok(),
            EntryRef::Organisation(o) => self.organisations.binary_search(&o).is_ok(),
            EntryRef::ContactPoint(c) => self.contact_points.binary_search(&c).is_ok(),
        }
    }
}

/// The date before which an entry counts as stale in year `year`.
pub fn stale_cutoff(year: i32, months: u32) -> Date {
    let jan1 = new_year(year);
    jan1.checked_sub((months.min(12_000) as i64).months())
        .unwrap_or(Date::MIN)
}

impl Directory {
    /// Entries (not ended) whose `verified` is older than
    /// `stale_after_months` before 1 January of `year`, oldest first.
    pub fn stale_entries(&self, year: i32) -> Vec<EntryRef> {
        let cutoff = stale_cutoff(year, self.settings.print.stale_after_months);
        let mut out: Vec<EntryRef> = self
            .entries()
            .filter(|&e| {
                let ended =
                    matches!(e, EntryRef::Group(g) if self.group(g).status == Status::Ended);
                !ended && self.meta(e).verified < cutoff
            })
            .collect();
        out.sort_by(|a, b| {
            let (ma, mb) = (self.meta(*a), self.meta(*b));
            ma.verified
                .cmp(&mb.verified)
                .then_with(|| ma.sort_key.cmp(&mb.sort_key))
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutoff_is_months_before_new_year() {
        assert_eq!(stale_cutoff(2027, 18).to_string(), "2025-07-01");
        assert_eq!(stale_cutoff(2027, 0).to_string(), "2027-01-01");
    }
}
