//! Who is on the other end: the client's address and whether it used https. Only a peer named
//! in `VERKOSTO_TRUSTED_PROXIES` (addresses or CIDR ranges) is believed when it says so in
//! `Forwarded`, `X-Forwarded-For` or `X-Forwarded-Proto`; from anyone else those headers are
//! ignored, so that nobody can pick the address the sign-in throttle counts or claim https.

use actix_web::http::header::HeaderMap;
use std::net::IpAddr;

/// An address or a range of addresses (`10.0.0.0/8`, `fd00::/8`, `192.0.2.7`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cidr {
    network: IpAddr,
    prefix: u8,
}

impl Cidr {
    pub fn parse(text: &str) -> Option<Cidr> {
        let text = text.trim();
        let (addr, prefix) = match text.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (text, None),
        };
        let network: IpAddr = addr.trim().parse().ok()?;
        let max = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p.trim().parse::<u8>().ok().filter(|p| *p <= max)?,
            None => max,
        };
        Some(Cidr { network, prefix })
    }

    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.network, ip) {
            (IpAddr::V4(n), IpAddr::V4(a)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(n) & mask == u32::from(a) & mask
            }
            (IpAddr::V6(n), IpAddr::V6(a)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(n) & mask == u128::from(a) & mask
            }
            _ => false,
        }
    }
}

/// An IPv4 address written as IPv6 (`::ffff:192.0.2.7`) is the IPv4 address.
fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        v4 => v4,
    }
}

#[derive(Debug, Clone, thiserror::Error, PartialEq, Eq)]
#[error("VERKOSTO_TRUSTED_PROXIES: {0:?} is not an address or a CIDR range (e.g. 10.0.0.1, 10.0.0.0/8, fd00::/8)")]
pub struct ProxiesError(pub String);

/// The proxies whose forwarding headers are believed; none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Cidr>);

impl TrustedProxies {
    /// A list separated by commas or spaces; empty means none.
    pub fn parse(text: &str) -> Result<TrustedProxies, ProxiesError> {
        text.split([',', ' ', '\t', '\n'])
            .filter(|p| !p.trim().is_empty())
            .map(|p| Cidr::parse(p).ok_or_else(|| ProxiesError(p.trim().to_owned())))
            .collect::<Result<Vec<_>, _>>()
            .map(TrustedProxies)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|c| c.contains(ip))
    }

    /// The client as this request shows it: `peer` is the TCP peer.
    pub fn client(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> Client {
        let Some(peer) = peer.map(canonical) else {
            return Client {
                address: None,
                https: false,
                via_trusted_proxy: false,
            };
        };
        if !self.trusts(peer) {
            return Client {
                address: Some(peer),
                https: false,
                via_trusted_proxy: false,
            };
        }
        let forwarded = forwarded_elements(headers);
        let (hops, proto) = if forwarded.is_empty() {
            (x_forwarded_for(headers), x_forwarded_proto(headers))
        } else {
            let hops: Vec<IpAddr> = forwarded.iter().filter_map(|e| e.for_ip).collect();
            let proto = forwarded.first().and_then(|e| e.proto.clone());
            (hops, proto)
        };
        // The client is the last address before the chain of trusted proxies, read from the
        // right: anything left of it could have been written by the client itself.
        let mut address = peer;
        for hop in hops.iter().rev() {
            address = canonical(*hop);
            if !self.trusts(address) {
                break;
            }
        }
        Client {
            address: Some(address),
            https: proto.is_some_and(|p| p.eq_ignore_ascii_case("https")),
            via_trusted_proxy: true,
        }
    }
}

/// The request's client: its address and whether it came over https (as a trusted proxy says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Client {
    pub address: Option<IpAddr>,
    pub https: bool,
    pub via_trusted_proxy: bool,
}

impl Client {
    /// The address as the throttle counts it.
    pub fn address_key(&self) -> String {
        self.address
            .map(|a| a.to_string())
            .unwrap_or_else(|| "unknown".to_owned())
    }
}

struct ForwardedElement {
    for_ip: Option<IpAddr>,
    proto: Option<String>,
}

/// RFC 7239 `Forwarded`: elements separated by commas (across repeated headers), pairs by
/// semicolons; `for` may be quoted, bracketed IPv6 and carry a port.
fn forwarded_elements(headers: &HeaderMap) -> Vec<ForwardedElement> {
    let mut out = Vec::new();
    for value in headers.get_all("forwarded") {
        let Ok(value) = value.to_str() else { continue };
        for element in value.split(',') {
            let mut e = ForwardedElement {
                for_ip: None,
                proto: None,
            };
            for pair in element.split(';') {
                let Some((k, v)) = pair.split_once('=') else {
                    continue;
                };
                let v = v.trim().trim_matches('"');
                match k.trim().to_ascii_lowercase().as_str() {
                    "for" => e.for_ip = node_ip(v),
                    "proto" => e.proto = Some(v.to_owned()),
                    _ => {}
                }
            }
            out.push(e);
        }
    }
    out
}

/// `192.0.2.7`, `192.0.2.7:4711`, `[2001:db8::1]`, `[2001:db8::1]:4711`, `2001:db8::1`.
fn node_ip(v: &str) -> Option<IpAddr> {
    if let Some(rest) = v.strip_prefix('[') {
        return rest.split(']').next()?.parse().ok();
    }
    v.parse().ok().or_else(|| {
        let (host, _port) = v.rsplit_once(':')?;
        host.parse::<std::net::Ipv4Addr>().ok().map(IpAddr::V4)
    })
}

fn x_forwarded_for(headers: &HeaderMap) -> Vec<IpAddr> {
    headers
        .get_all("x-forwarded-for")
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|a| node_ip(a.trim()))
        .collect()
}

const X_FORWARDED_PROTO: &str = "x-forwarded-proto";

fn x_forwarded_proto(headers: &HeaderMap) -> Option<String> {
    let value = headers.get(X_FORWARDED_PROTO)?.to_str().ok()?;
    value.split(',').next().map(|p| p.trim().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::{HeaderName, HeaderValue};

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn ranges_contain_their_addresses() {
        let r = Cidr::parse("10.1.0.0/16").unwrap();
        assert!(r.contains(ip("10.1.255.3")));
        assert!(!r.contains(ip("10.2.0.1")));
        assert!(r.contains(ip("::ffff:10.1.0.9")));
        assert!(Cidr::parse("0.0.0.0/0").unwrap().contains(ip("192.0.2.1")));
        assert!(Cidr::parse("fd00::/8").unwrap().contains(ip("fd12::1")));
        assert!(Cidr::parse("192.0.2.7").unwrap().contains(ip("192.0.2.7")));
        assert_eq!(Cidr::parse("10.0.0.0/33"), None);
        assert_eq!(Cidr::parse("proxy.local"), None);
        assert!(TrustedProxies::parse("10.0.0.1, fd00::/8 127.0.0.1").is_ok());
        assert!(TrustedProxies::parse("10.0.0.1,nope").is_err());
        assert!(TrustedProxies::parse("").unwrap().is_empty());
    }

    #[test]
    fn forwarding_headers_from_an_untrusted_peer_are_ignored() {
        let proxies = TrustedProxies::parse("10.0.0.1").unwrap();
        let h = headers(&[
            ("x-forwarded-for", "203.0.113.9"),
            ("x-forwarded-proto", "https"),
            ("forwarded", "for=203.0.113.9;proto=https"),
        ]);
        let c = proxies.client(Some(ip("198.51.100.4")), &h);
        assert_eq!(c.address, Some(ip("198.51.100.4")));
        assert!(!c.https);
        assert!(!c.via_trusted_proxy);
    }

    #[test]
    fn a_trusted_proxy_names_the_client_and_the_scheme() {
        let proxies = TrustedProxies::parse("10.0.0.0/8").unwrap();
        // The client wrote a fake first entry; the proxy appended the real peer.
        let h = headers(&[
            ("x-forwarded-for", "1.2.3.4, 203.0.113.9"),
            ("x-forwarded-proto", "https"),
        ]);
        let c = proxies.client(Some(ip("10.0.0.1")), &h);
        assert_eq!(c.address, Some(ip("203.0.113.9")));
        assert!(c.https);
        // Two trusted proxies in a row.
        let h = headers(&[("x-forwarded-for", "203.0.113.9, 10.0.0.2")]);
        let c = proxies.client(Some(ip("10.0.0.1")), &h);
        assert_eq!(c.address, Some(ip("203.0.113.9")));
        assert!(!c.https);
        // RFC 7239 takes precedence, with quoted IPv6 and ports.
        let h = headers(&[
            (
                "forwarded",
                "for=\"[2001:db8::7]:4711\";proto=https, for=10.0.0.3",
            ),
            ("x-forwarded-for", "1.2.3.4"),
        ]);
        let c = proxies.client(Some(ip("10.0.0.1")), &h);
        assert_eq!(c.address, Some(ip("2001:db8::7")));
        assert!(c.https);
        // Without headers, the proxy itself.
        let c = proxies.client(Some(ip("10.0.0.1")), &HeaderMap::new());
        assert_eq!(c.address, Some(ip("10.0.0.1")));
    }
}
