//! The yearly verification round (contract, section 11): which entries get
//! a sheet, in which order, and who they answer to.

use jiff::ToSpan;

use super::edition::new_year;
use super::{ContactPointRef, Date, Directory, EntryRef, SortKey, Status};

impl Directory {
    /// Does an entry get a sheet in the round for `year`? Every entry that
    /// is live on the web or in the edition of `year`: every entry not
    /// ended before 1 January of the year (web-only and print-only ones
    /// too; organisations and contact points never end).
    pub fn in_round(&self, e: EntryRef, year: i32) -> bool {
        match e {
            EntryRef::Group(g) => {
                let g = self.group(g);
                !(g.status == Status::Ended && g.ended.is_none_or(|d| d < new_year(year)))
            }
            EntryRef::Organisation(_) | EntryRef::ContactPoint(_) => true,
        }
    }

    /// The contact point an entry's sheet is returned to: a group's
    /// contact point (or the publisher); the publisher for organisations
    /// and contact points.
    pub fn answers_to(&self, e: EntryRef) -> ContactPointRef {
        match e {
            EntryRef::Group(g) => self.group(g).contact_point_ref(),
            EntryRef::Organisation(_) | EntryRef::ContactPoint(_) => ContactPointRef::Publisher,
        }
    }

    /// The entries of the round for `year`, ordered by the contact point
    /// they answer to (German order of its name; a contact point entry
    /// before the publisher of the same name), then by their own name.
    pub fn round_entries(&self, year: i32) -> Vec<EntryRef> {
        let publisher = SortKey::new(&self.settings.publisher.name);
        let mut out: Vec<(&SortKey, u8, &SortKey, EntryRef)> = self
            .entries()
            .filter(|&e| self.in_round(e, year))
            .map(|e| {
                let (cp_key, rank) = match self.answers_to(e) {
                    ContactPointRef::Entry(c) => (&self.contact_point(c).meta.sort_key, 0),
                    ContactPointRef::Publisher => (&publisher, 1),
                };
                (cp_key, rank, &self.meta(e).sort_key, e)
            })
            .collect();
        out.sort();
        out.into_iter().map(|(.., e)| e).collect()
    }

    /// The newest `verified` of all entries (the directory's date), if any.
    pub fn newest_verified(&self) -> Option<Date> {
        self.entries().map(|e| self.meta(e).verified).max()
    }
}

/// The day `weeks` weeks after `date`.
pub fn weeks_after(date: Date, weeks: u32) -> Date {
    date.checked_add((i64::from(weeks) * 7).days())
        .unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_weeks_after() {
        let d = Date::new(2026, 9, 14).unwrap();
        assert_eq!(weeks_after(d, 4).to_string(), "2026-10-12");
    }
}
