//! Who may talk to `serve`: only pages it served itself. Every request must
//! name the server in `Host` exactly (`127.0.0.1:PORT` or `localhost:PORT`):
//! a page of another site that points its own name at 127.0.0.1 (DNS
//! rebinding) sends its own name and is refused. A request that says where
//! it comes from (`Origin`, which browsers send with every POST and every
//! cross-origin request) must come from the server's own origin; one
//! without `Origin` comes from a program that is no browser (curl, tests),
//! or from a page of this server. For the editor's API, `Sec-Fetch-Site`,
//! where a browser sends it, must say `same-origin` or `none` too (a page on
//! another port of localhost is "same-site", but not the same origin); a
//! link from elsewhere to a page of the site is fine. No CORS headers are
//! ever sent, so no other origin can read an answer.

/// Is a request with these headers allowed to reach a server on `port`
/// (`api`: the editor's API)?
pub(super) fn allowed<'a>(
    port: u16,
    api: bool,
    headers: impl Iterator<Item = (&'a str, &'a str)>,
) -> bool {
    let own_hosts = [format!("127.0.0.1:{port}"), format!("localhost:{port}")];
    let mut host_ok = false;
    let mut hosts = 0;
    for (name, value) in headers {
        let value = value.trim();
        if name.eq_ignore_ascii_case("host") {
            hosts += 1;
            host_ok = own_hosts.iter().any(|h| h.eq_ignore_ascii_case(value));
        } else if name.eq_ignore_ascii_case("origin") {
            let own = own_hosts
                .iter()
                .any(|h| value.eq_ignore_ascii_case(&format!("http://{h}")));
            if !own {
                return false;
            }
        } else if api
            && name.eq_ignore_ascii_case("sec-fetch-site")
            && !value.eq_ignore_ascii_case("same-origin")
            && !value.eq_ignore_ascii_case("none")
        {
            return false;
        }
    }
    host_ok && hosts == 1
}

#[cfg(test)]
mod tests {
    use super::allowed;

    fn check(headers: &[(&str, &str)]) -> bool {
        allowed(1111, true, headers.iter().copied())
    }

    #[test]
    fn only_the_servers_own_host_and_origin() {
        assert!(check(&[("Host", "127.0.0.1:1111")]));
        assert!(check(&[
            ("host", "localhost:1111"),
            ("Origin", "http://localhost:1111")
        ]));
        assert!(check(&[
            ("Host", "127.0.0.1:1111"),
            ("Origin", "http://127.0.0.1:1111"),
            ("Sec-Fetch-Site", "same-origin")
        ]));
        assert!(!check(&[]));
        assert!(!check(&[("Host", "evil.example:1111")]));
        assert!(!check(&[("Host", "127.0.0.1:2222")]));
        assert!(!check(&[("Host", "127.0.0.1")]));
        assert!(!check(&[
            ("Host", "127.0.0.1:1111"),
            ("Host", "evil.example")
        ]));
        assert!(!check(&[
            ("Host", "127.0.0.1:1111"),
            ("Origin", "http://localhost:3000")
        ]));
        assert!(!check(&[("Host", "127.0.0.1:1111"), ("Origin", "null")]));
        assert!(!check(&[
            ("Host", "127.0.0.1:1111"),
            ("Origin", "https://127.0.0.1:1111")
        ]));
        assert!(!check(&[
            ("Host", "127.0.0.1:1111"),
            ("Sec-Fetch-Site", "same-site")
        ]));
        assert!(!check(&[
            ("Host", "127.0.0.1:1111"),
            ("Sec-Fetch-Site", "cross-site")
        ]));
        // A link from another site to a page is no danger.
        assert!(allowed(
            1111,
            false,
            [("Host", "127.0.0.1:1111"), ("Sec-Fetch-Site", "cross-site")].into_iter()
        ));
    }
}
