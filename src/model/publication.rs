//! What the booklet publishes of a group (contract, section 11): the
//! publication rules `[print] places` and `contacts`, decided here once
//! and used by every printed document (the booklet in each variant and the
//! verification sheets). The website is not affected: it always publishes
//! what the group consented to ([`PublicationRules::WEB`]).
//!
//! A confidential group is reached only through its contact point and has
//! no place anywhere, whatever the rules say.

use super::{ContactPointRef, ContactRoute, ContactRule, Group, Meeting, PrintSettings};

/// What a document publishes of groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PublicationRules {
    /// Meeting places and addresses.
    pub places: bool,
    /// The groups' own contacts, or only the contact point.
    pub contacts: ContactRule,
}

/// How a document names a group's contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishedContact<'a> {
    /// The group's own contact data (each part only where given).
    Own {
        /// Contact person.
        person: Option<&'a str>,
        /// Phone.
        phone: Option<&'a str>,
        /// E-mail.
        email: Option<&'a str>,
    },
    /// Its contact point (or the publisher), whose details stand in place.
    ContactPoint(ContactPointRef),
}

/// A rule that holds back something the website shows: the booklet's
/// imprint says so.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Restriction {
    /// `places = false`.
    NoPlaces,
    /// `contacts = "contact-point"`.
    ContactPointOnly,
}

impl PublicationRules {
    /// The website's rules: everything consented to is published.
    pub const WEB: PublicationRules = PublicationRules {
        places: true,
        contacts: ContactRule::All,
    };

    /// The rules of the printed documents.
    pub fn print(settings: &PrintSettings) -> PublicationRules {
        PublicationRules {
            places: settings.places,
            contacts: settings.contacts,
        }
    }

    /// Are the places and addresses of this group's meetings published?
    pub fn shows_places(&self, g: &Group) -> bool {
        self.places && !g.confidential
    }

    /// Is a meeting's step-free access ("stufenlos zugänglich") published?
    /// It is a property of the place: published only where the place is
    /// (never under `places = false`, never for a confidential group), and
    /// only when the group said so.
    pub fn shows_accessible(&self, g: &Group, m: &Meeting) -> bool {
        self.shows_places(g) && m.accessible == Some(true)
    }

    /// How the group is reached. Its own contact when the rules allow it,
    /// it is not confidential, and it gave a person, phone, e-mail or
    /// website without asking to be reached through the contact point;
    /// else the contact point.
    pub fn contact<'a>(&self, g: &'a Group) -> PublishedContact<'a> {
        let via = PublishedContact::ContactPoint(g.contact_point_ref());
        if self.contacts == ContactRule::ContactPoint || g.confidential {
            return via;
        }
        match &g.contact {
            ContactRoute::Direct {
                person,
                phone,
                email,
            } if person.is_some() || phone.is_some() || email.is_some() || g.website.is_some() => {
                PublishedContact::Own {
                    person: person.as_deref(),
                    phone: phone.as_deref(),
                    email: email.as_deref(),
                }
            }
            _ => via,
        }
    }

    /// The group's own website, unless only the contact point is named.
    pub fn website<'a>(&self, g: &'a Group) -> Option<&'a str> {
        match self.contacts {
            ContactRule::All => g.website.as_deref(),
            ContactRule::ContactPoint => None,
        }
    }

    /// The rules that hold back something the website shows, in a fixed order.
    pub fn restrictions(&self) -> Vec<Restriction> {
        let mut out = Vec::new();
        if !self.places {
            out.push(Restriction::NoPlaces);
        }
        if self.contacts == ContactRule::ContactPoint {
            out.push(Restriction::ContactPointOnly);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn web_rules_hold_nothing_back() {
        assert!(PublicationRules::WEB.restrictions().is_empty());
        let strict = PublicationRules {
            places: false,
            contacts: ContactRule::ContactPoint,
        };
        assert_eq!(
            strict.restrictions(),
            vec![Restriction::NoPlaces, Restriction::ContactPointOnly]
        );
    }
}
