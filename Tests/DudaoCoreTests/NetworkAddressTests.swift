import XCTest

@testable import DudaoCore

private typealias Kind = NetworkAddress.Kind

private func v4(_ a: UInt8, _ b: UInt8, _ c: UInt8, _ d: UInt8) -> IPAddress { IPAddress(bytes: [a, b, c, d])! }

/// An address from text that must parse (standard IPv4 or IPv6).
private func ip(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> IPAddress {
    guard let a = NetworkAddress.ipv4Standard(text) ?? NetworkAddress.ipv6(text) else {
        XCTFail("\(text) does not parse", file: file, line: line)
        return IPAddress(v4: 0)
    }
    return a
}

final class IPv4ParsingTests: XCTestCase {
    func testStandardDottedQuads() {
        let table: [(String, IPAddress?)] = [
            ("0.0.0.0", v4(0, 0, 0, 0)),
            ("127.0.0.1", v4(127, 0, 0, 1)),
            ("8.8.8.8", v4(8, 8, 8, 8)),
            ("255.255.255.255", v4(255, 255, 255, 255)),
            ("169.254.169.254", v4(169, 254, 169, 254)),
            ("256.0.0.1", nil),
            ("1.2.3", nil),
            ("1.2.3.4.5", nil),
            ("01.2.3.4", nil),  // a leading zero is octal elsewhere: not the standard form
            ("1.2.3.04", nil),
            ("1.2.3.", nil),
            (".1.2.3", nil),
            ("1..2.3", nil),
            ("1.2.3.4.", nil),
            ("0x7f.0.0.1", nil),
            ("1.2.3.-4", nil),
            ("1.2.3.+4", nil),
            ("1.2.3.1000", nil),
            ("١.٢.٣.٤", nil),  // Arabic-Indic digits are digits, not ASCII ones
            ("", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(NetworkAddress.ipv4Standard(text), expected, text)
        }
    }

    func testTheOddNumericFormsResolversAcceptAreRead() {
        let loopback = v4(127, 0, 0, 1)
        let metadata = v4(169, 254, 169, 254)
        let table: [(String, IPAddress?)] = [
            ("127.0.0.1", loopback),
            ("2130706433", loopback),  // one 32-bit decimal number
            ("0x7f000001", loopback),  // one hexadecimal number
            ("0X7F000001", loopback),
            ("017700000001", loopback),  // one octal number
            ("0x7f.1", loopback),  // a.b: the last part fills 24 bits
            ("127.1", loopback),
            ("127.0.1", loopback),  // a.b.c: the last part fills 16 bits
            ("0177.0.0.1", loopback),  // octal part
            ("0x7f.0x0.0x0.0x1", loopback),
            ("0x7F.00.0.01", loopback),
            ("127.0.0.1.", loopback),  // one trailing dot
            ("0000000000177.0.0.1", loopback),  // many leading zeros are still octal
            ("2852039166", metadata),
            ("0xa9fea9fe", metadata),
            ("0xA9.0xFE.0xA9.0xFE", metadata),
            ("0251.0376.0251.0376", metadata),
            ("169.16689662", metadata),
            ("169.254.43518", metadata),
            ("3232235521", v4(192, 168, 0, 1)),
            ("167772161", v4(10, 0, 0, 1)),
            ("0", v4(0, 0, 0, 0)),
            ("0x", v4(0, 0, 0, 0)),  // WHATWG reads an empty hex number as 0
            ("4294967295", v4(255, 255, 255, 255)),
            ("134744072", v4(8, 8, 8, 8)),
            ("4294967296", nil),  // more than 32 bits
            ("99999999999999999999999", nil),
            ("1.16777216", nil),  // the last of two parts holds 24 bits
            ("1.2.65536", nil),  // the last of three holds 16
            ("256.1", nil),  // the leading parts are bytes
            ("1.2.3.4.5", nil),
            ("08", nil),  // 8 is no octal digit
            ("0x1g", nil),
            ("1..1", nil),
            ("", nil),
            (".", nil),
            ("1.2.3.4..", nil),
            ("-1", nil),
            (" 127.0.0.1", nil),
        ]
        for (text, expected) in table {
            XCTAssertEqual(NetworkAddress.ipv4Loose(text), expected, text)
        }
    }

    func testEveryStandardAddressReadsTheSameLooselyAndRoundTrips() {
        var rng = SeededGenerator(seed: 7)
        for _ in 0..<5000 {
            let a = IPAddress(v4: UInt32(truncatingIfNeeded: rng.next()))
            XCTAssertEqual(NetworkAddress.ipv4Standard(a.description), a)
            XCTAssertEqual(NetworkAddress.ipv4Loose(a.description), a)
            XCTAssertEqual(NetworkAddress.ipv4Loose(String(a.v4Value)), a, "as one decimal number")
            XCTAssertEqual(NetworkAddress.ipv4Loose("0x" + String(a.v4Value, radix: 16)), a, "as one hex number")
            XCTAssertEqual(NetworkAddress.ipv4Loose("0" + String(a.v4Value, radix: 8)), a, "as one octal number")
        }
    }
}

final class IPv6ParsingTests: XCTestCase {
    func testIPv6Text() {
        let table: [(String, [UInt16]?)] = [
            ("::", [0, 0, 0, 0, 0, 0, 0, 0]),
            ("::1", [0, 0, 0, 0, 0, 0, 0, 1]),
            ("1::", [1, 0, 0, 0, 0, 0, 0, 0]),
            ("fe80::1", [0xfe80, 0, 0, 0, 0, 0, 0, 1]),
            ("FE80::1", [0xfe80, 0, 0, 0, 0, 0, 0, 1]),
            ("2001:db8::8a2e:370:7334", [0x2001, 0xdb8, 0, 0, 0, 0x8a2e, 0x370, 0x7334]),
            ("1:2:3:4:5:6:7:8", [1, 2, 3, 4, 5, 6, 7, 8]),
            ("1:2:3:4:5:6:7::", [1, 2, 3, 4, 5, 6, 7, 0]),
            ("::2:3:4:5:6:7:8", [0, 2, 3, 4, 5, 6, 7, 8]),
            ("0000:0000::0001", [0, 0, 0, 0, 0, 0, 0, 1]),
            ("::ffff:127.0.0.1", [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]),
            ("::ffff:7f00:1", [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1]),
            ("::127.0.0.1", [0, 0, 0, 0, 0, 0, 0x7f00, 1]),
            ("1:2:3:4:5:6:1.2.3.4", [1, 2, 3, 4, 5, 6, 0x102, 0x304]),
            ("64:ff9b::169.254.169.254", [0x64, 0xff9b, 0, 0, 0, 0, 0xa9fe, 0xa9fe]),
            (":::", nil),
            ("1::2::3", nil),
            ("12345::", nil),
            ("1:2:3:4:5:6:7:8:9", nil),
            ("1:2:3:4:5:6:7", nil),
            ("1:2:3:4:5:6:7:8::", nil),  // `::` stands for at least one group
            (":1::", nil),
            ("1:", nil),
            (":1", nil),
            ("1:::2", nil),
            ("::ffff:127.0.0.01", nil),
            ("::ffff:2130706433", nil),  // only dotted decimal inside IPv6
            ("::1.2.3.4:5", nil),
            ("fe80::1%eth0", nil),  // zone identifiers are refused
            ("g::1", nil),
            ("", nil),
            ("1.2.3.4", nil),
        ]
        for (text, groups) in table {
            let expected = groups.map { IPAddress(bytes: $0.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })! }
            XCTAssertEqual(NetworkAddress.ipv6(text), expected, text)
        }
    }

    func testTextFormFollowsRFC5952() {
        let table: [(String, String)] = [
            ("0:0:0:0:0:0:0:0", "::"),
            ("0:0:0:0:0:0:0:1", "::1"),
            ("2001:0DB8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),  // the first of two equal runs
            ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),  // a single zero group is not shortened
            ("2001:0:0:1:0:0:0:1", "2001:0:0:1::1"),  // the longest run
            ("::ffff:7f00:1", "::ffff:127.0.0.1"),
            ("fe80::", "fe80::"),
        ]
        for (text, expected) in table {
            XCTAssertEqual(ip(text).description, expected, text)
            XCTAssertEqual(NetworkAddress.ipv6(expected), ip(text), "round trip of \(expected)")
        }
    }
}

final class AddressClassificationTests: XCTestCase {
    /// Every block and its edges: (address, kind, the block that decided or nil for public).
    fileprivate static let table: [(String, Kind, String?)] = [
        // IPv4
        ("0.0.0.0", .unspecified, "0.0.0.0/32"),
        ("0.0.0.1", .reserved, "0.0.0.0/8"),
        ("0.255.255.255", .reserved, "0.0.0.0/8"),
        ("1.0.0.0", .publicInternet, nil),
        ("9.255.255.255", .publicInternet, nil),
        ("10.0.0.0", .privateNetwork, "10.0.0.0/8"),
        ("10.1.2.3", .privateNetwork, "10.0.0.0/8"),
        ("10.255.255.255", .privateNetwork, "10.0.0.0/8"),
        ("11.0.0.0", .publicInternet, nil),
        ("100.63.255.255", .publicInternet, nil),
        ("100.64.0.0", .sharedAddressSpace, "100.64.0.0/10"),
        ("100.100.100.200", .sharedAddressSpace, "100.64.0.0/10"),  // a cloud metadata address
        ("100.127.255.255", .sharedAddressSpace, "100.64.0.0/10"),
        ("100.128.0.0", .publicInternet, nil),
        ("126.255.255.255", .publicInternet, nil),
        ("127.0.0.0", .loopback, "127.0.0.0/8"),
        ("127.0.0.1", .loopback, "127.0.0.0/8"),
        ("127.255.255.254", .loopback, "127.0.0.0/8"),
        ("128.0.0.0", .publicInternet, nil),
        ("169.253.255.255", .publicInternet, nil),
        ("169.254.0.0", .linkLocal, "169.254.0.0/16"),
        ("169.254.169.254", .linkLocal, "169.254.0.0/16"),
        ("169.254.255.255", .linkLocal, "169.254.0.0/16"),
        ("169.255.0.0", .publicInternet, nil),
        ("172.15.255.255", .publicInternet, nil),
        ("172.16.0.0", .privateNetwork, "172.16.0.0/12"),
        ("172.20.1.1", .privateNetwork, "172.16.0.0/12"),
        ("172.31.255.255", .privateNetwork, "172.16.0.0/12"),
        ("172.32.0.0", .publicInternet, nil),
        ("192.0.0.1", .reserved, "192.0.0.0/24"),
        ("192.0.1.1", .publicInternet, nil),
        ("192.0.2.1", .reserved, "192.0.2.0/24"),
        ("192.88.99.1", .reserved, "192.88.99.0/24"),
        ("192.167.255.255", .publicInternet, nil),
        ("192.168.0.0", .privateNetwork, "192.168.0.0/16"),
        ("192.168.1.1", .privateNetwork, "192.168.0.0/16"),
        ("192.168.255.255", .privateNetwork, "192.168.0.0/16"),
        ("192.169.0.0", .publicInternet, nil),
        ("198.17.255.255", .publicInternet, nil),
        ("198.18.0.0", .reserved, "198.18.0.0/15"),
        ("198.19.255.255", .reserved, "198.18.0.0/15"),
        ("198.20.0.0", .publicInternet, nil),
        ("198.51.100.7", .reserved, "198.51.100.0/24"),
        ("203.0.113.9", .reserved, "203.0.113.0/24"),
        ("223.255.255.255", .publicInternet, nil),
        ("224.0.0.1", .multicast, "224.0.0.0/4"),
        ("239.255.255.250", .multicast, "224.0.0.0/4"),
        ("240.0.0.1", .reserved, "240.0.0.0/4"),
        ("255.255.255.254", .reserved, "240.0.0.0/4"),
        ("255.255.255.255", .broadcast, "255.255.255.255/32"),
        ("8.8.8.8", .publicInternet, nil),
        ("114.114.114.114", .publicInternet, nil),
        ("101.226.103.106", .publicInternet, nil),
        // IPv6
        ("::", .unspecified, "::/128"),
        ("::1", .loopback, "::1/128"),
        ("::2", .reserved, "outside 2000::/3"),
        ("::127.0.0.1", .reserved, "outside 2000::/3"),  // the old IPv4-compatible form
        ("::ffff:127.0.0.1", .loopback, "::ffff:0:0/96 → 127.0.0.0/8"),
        ("::ffff:7f00:1", .loopback, "::ffff:0:0/96 → 127.0.0.0/8"),
        ("::ffff:10.0.0.1", .privateNetwork, "::ffff:0:0/96 → 10.0.0.0/8"),
        ("::ffff:169.254.169.254", .linkLocal, "::ffff:0:0/96 → 169.254.0.0/16"),
        ("::ffff:0.0.0.0", .unspecified, "::ffff:0:0/96 → 0.0.0.0/32"),
        ("::ffff:100.64.0.1", .sharedAddressSpace, "::ffff:0:0/96 → 100.64.0.0/10"),
        ("::ffff:8.8.8.8", .publicInternet, "::ffff:0:0/96 → 8.8.8.8"),
        ("64:ff9b::7f00:1", .loopback, "64:ff9b::/96 → 127.0.0.0/8"),
        ("64:ff9b::8.8.8.8", .publicInternet, "64:ff9b::/96 → 8.8.8.8"),
        ("64:ff9b:1::1", .privateNetwork, "64:ff9b:1::/48"),
        ("100::1", .reserved, "100::/64"),
        ("2001::1", .reserved, "2001::/23"),  // Teredo
        ("2001:1ff:ffff::", .reserved, "2001::/23"),
        ("2001:200::1", .publicInternet, nil),
        ("2001:db8::1", .reserved, "2001:db8::/32"),
        ("2002:7f00:1::1", .loopback, "2002::/16 → 127.0.0.0/8"),  // 6to4 around 127.0.0.1
        ("2002:c0a8:101::1", .privateNetwork, "2002::/16 → 192.168.0.0/16"),
        ("2002:808:808::1", .publicInternet, "2002::/16 → 8.8.8.8"),
        ("2400:3200::1", .publicInternet, nil),
        ("240e::1", .publicInternet, nil),
        ("3fff::1", .reserved, "3fff::/20"),
        ("3fff:1000::1", .publicInternet, nil),
        ("4000::1", .reserved, "outside 2000::/3"),
        ("1fff:ffff::", .reserved, "outside 2000::/3"),
        ("fc00::1", .privateNetwork, "fc00::/7"),
        ("fd12:3456::1", .privateNetwork, "fc00::/7"),
        ("fdff:ffff::1", .privateNetwork, "fc00::/7"),
        ("fe80::1", .linkLocal, "fe80::/10"),
        ("febf:ffff::1", .linkLocal, "fe80::/10"),
        ("fec0::1", .privateNetwork, "fec0::/10"),
        ("ff02::1", .multicast, "ff00::/8"),
        ("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", .multicast, "ff00::/8"),
    ]

    func testEveryBlockAndItsEdges() {
        for (text, kind, block) in Self.table {
            let c = NetworkAddress.classify(ip(text))
            XCTAssertEqual(c.kind, kind, text)
            XCTAssertEqual(c.block, block, text)
            XCTAssertEqual(c.isPublic, kind == .publicInternet, text)
        }
    }

    /// Each of the 256 first octets, as x.1.2.3: only these are not public.
    func testEveryFirstOctet() {
        var expected = [Kind](repeating: .publicInternet, count: 256)
        expected[0] = .reserved
        expected[10] = .privateNetwork
        expected[127] = .loopback
        for o in 224...239 { expected[o] = .multicast }
        for o in 240...255 { expected[o] = .reserved }
        for o in 0...255 {
            XCTAssertEqual(NetworkAddress.classify(v4(UInt8(o), 1, 2, 3)).kind, expected[o], "\(o).1.2.3")
        }
    }

    /// Every IPv4 address that is not public is refused in its IPv4-mapped IPv6 form too, with the same kind.
    func testMappedFormsInheritTheKindOfTheirIPv4Address() {
        for (text, kind, _) in Self.table where NetworkAddress.ipv4Standard(text) != nil {
            let mapped = ip("::ffff:" + text)
            XCTAssertEqual(NetworkAddress.classify(mapped).kind, kind, "::ffff:\(text)")
            let nat64 = ip("64:ff9b::" + text)
            XCTAssertEqual(NetworkAddress.classify(nat64).kind, kind, "64:ff9b::\(text)")
        }
    }

    func testOnlyPublicInternetIsPublicAndEveryKindHasAChineseLabel() {
        for kind in Kind.allCases {
            XCTAssertEqual(kind.isPublic, kind == .publicInternet, kind.rawValue)
            XCTAssertFalse(kind.label.isEmpty)
        }
        XCTAssertEqual(Kind.loopback.label, "本机地址")
        XCTAssertEqual(Kind.privateNetwork.label, "内网地址")
    }
}

final class HostVerdictTests: XCTestCase {
    func testReadingHosts() {
        typealias Host = NetworkAddress.Host
        let table: [(String, Host)] = [
            ("qyapi.weixin.qq.com", .name("qyapi.weixin.qq.com")),
            ("OAPI.DingTalk.com", .name("oapi.dingtalk.com")),
            ("oapi.dingtalk.com.", .name("oapi.dingtalk.com")),
            ("my_host.example.cn", .name("my_host.example.cn")),
            ("localhost", .name("localhost")),
            ("8.8.8.8", .address(v4(8, 8, 8, 8), standardForm: true)),
            ("127.0.0.1", .address(v4(127, 0, 0, 1), standardForm: true)),
            ("2130706433", .address(v4(127, 0, 0, 1), standardForm: false)),
            ("0x7f.1", .address(v4(127, 0, 0, 1), standardForm: false)),
            ("017700000001", .address(v4(127, 0, 0, 1), standardForm: false)),
            ("127.1", .address(v4(127, 0, 0, 1), standardForm: false)),
            ("127.0.0.1.", .address(v4(127, 0, 0, 1), standardForm: false)),
            ("134744072", .address(v4(8, 8, 8, 8), standardForm: false)),
            ("[::1]", .address(ip("::1"), standardForm: true)),
            ("::1", .address(ip("::1"), standardForm: true)),
            ("[::ffff:127.0.0.1]", .address(ip("::ffff:127.0.0.1"), standardForm: true)),
            ("[2400:3200::1]", .address(ip("2400:3200::1"), standardForm: true)),
            ("1.2.3.4.5", .invalid),  // ends in a number but is no address
            ("999.1.1.1", .invalid),
            ("example.123", .invalid),
            ("example.0x10", .invalid),
            ("[::1", .invalid),
            ("::1]", .invalid),
            ("[]", .invalid),
            ("[fe80::1%25eth0]", .invalid),
            ("[127.0.0.1]", .invalid),
            ("", .invalid),
            (".", .invalid),
            ("a..b", .invalid),
            ("exa mple.com", .invalid),
            ("例子.中国", .invalid),
            ("evil.com@127.0.0.1", .invalid),
            ("127.0.0.1%00", .invalid),
            (String(repeating: "a", count: 64) + ".com", .invalid),
        ]
        for (text, expected) in table {
            XCTAssertEqual(NetworkAddress.parseHost(text), expected, text)
        }
    }

    func testVerdicts() {
        typealias Verdict = NetworkAddress.Verdict
        let loopback = NetworkAddress.Classification(.loopback, "127.0.0.0/8")
        let table: [(String, Verdict)] = [
            ("qyapi.weixin.qq.com", .resolve("qyapi.weixin.qq.com")),
            ("8.8.8.8", .call(v4(8, 8, 8, 8))),
            ("[2400:3200::1]", .call(ip("2400:3200::1"))),
            ("localhost", .refuse(.localName("localhost"))),
            ("LOCALHOST.", .refuse(.localName("localhost"))),
            ("api.localhost", .refuse(.localName("api.localhost"))),
            ("127.0.0.1", .refuse(.notPublic(v4(127, 0, 0, 1), loopback))),
            ("2130706433", .refuse(.notPublic(v4(127, 0, 0, 1), loopback))),
            ("0x7f.1", .refuse(.notPublic(v4(127, 0, 0, 1), loopback))),
            ("017700000001", .refuse(.notPublic(v4(127, 0, 0, 1), loopback))),
            ("0", .refuse(.notPublic(v4(0, 0, 0, 0), .init(.unspecified, "0.0.0.0/32")))),
            ("169.254.169.254", .refuse(.notPublic(v4(169, 254, 169, 254), .init(.linkLocal, "169.254.0.0/16")))),
            ("0xa9fea9fe", .refuse(.notPublic(v4(169, 254, 169, 254), .init(.linkLocal, "169.254.0.0/16")))),
            ("[::1]", .refuse(.notPublic(ip("::1"), .init(.loopback, "::1/128")))),
            ("[::]", .refuse(.notPublic(ip("::"), .init(.unspecified, "::/128")))),
            (
                "[::ffff:127.0.0.1]",
                .refuse(.notPublic(ip("::ffff:127.0.0.1"), .init(.loopback, "::ffff:0:0/96 → 127.0.0.0/8")))
            ),
            ("[fe80::1]", .refuse(.notPublic(ip("fe80::1"), .init(.linkLocal, "fe80::/10")))),
            ("[fd00::1]", .refuse(.notPublic(ip("fd00::1"), .init(.privateNetwork, "fc00::/7")))),
            ("10.0.0.1", .refuse(.notPublic(v4(10, 0, 0, 1), .init(.privateNetwork, "10.0.0.0/8")))),
            ("172.16.0.1", .refuse(.notPublic(v4(172, 16, 0, 1), .init(.privateNetwork, "172.16.0.0/12")))),
            ("192.168.1.1", .refuse(.notPublic(v4(192, 168, 1, 1), .init(.privateNetwork, "192.168.0.0/16")))),
            ("100.64.0.1", .refuse(.notPublic(v4(100, 64, 0, 1), .init(.sharedAddressSpace, "100.64.0.0/10")))),
            ("224.0.0.1", .refuse(.notPublic(v4(224, 0, 0, 1), .init(.multicast, "224.0.0.0/4")))),
            ("255.255.255.255", .refuse(.notPublic(v4(255, 255, 255, 255), .init(.broadcast, "255.255.255.255/32")))),
            ("134744072", .refuse(.unusualNumber(v4(8, 8, 8, 8)))),  // public, but no real webhook is written so
            ("8.8.8.8.", .refuse(.unusualNumber(v4(8, 8, 8, 8)))),
            ("1.2.3.4.5", .refuse(.invalidHost)),
            ("", .refuse(.invalidHost)),
        ]
        for (host, expected) in table {
            XCTAssertEqual(NetworkAddress.verdict(host: host), expected, host)
        }
    }

    func testResolvedAddressesMustAllBePublic() {
        let pub = [v4(8, 8, 8, 8), ip("2400:3200::1")]
        XCTAssertNil(NetworkAddress.check(resolved: pub, name: "example.cn"))
        XCTAssertEqual(NetworkAddress.check(resolved: [], name: "nowhere.invalid"), .unresolvable("nowhere.invalid"))
        XCTAssertEqual(
            NetworkAddress.check(resolved: pub + [v4(10, 0, 0, 5)], name: "rebind.example"),
            .notPublic(v4(10, 0, 0, 5), .init(.privateNetwork, "10.0.0.0/8")), "one inside address is enough to refuse")
        XCTAssertEqual(
            NetworkAddress.check(resolved: [ip("::1"), v4(8, 8, 8, 8)], name: "x.example"),
            .notPublic(ip("::1"), .init(.loopback, "::1/128")))
    }
}

/// A small deterministic generator, so the sampled checks are repeatable.
