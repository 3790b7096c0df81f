/// Which network addresses the platform may call out to.
///
/// The office types a webhook address (a 企业微信 or 钉钉 group robot) and the server POSTs to it. The server
/// must never be made to call itself, the machines of its own network, or the cloud metadata service, so a
/// host is allowed only when every address it stands for is on the public internet. This file reads hosts and
/// addresses as text, including the odd numeric forms that resolvers accept (`2130706433`, `0x7f.1`,
/// `017700000001` are all 127.0.0.1), and classifies addresses. Resolving names is the caller's business.

/// An IPv4 (4 bytes) or IPv6 (16 bytes) address.
public struct IPAddress: Hashable, Sendable, CustomStringConvertible {
    public let bytes: [UInt8]

    public init?(bytes: [UInt8]) {
        guard bytes.count == 4 || bytes.count == 16 else { return nil }
        self.bytes = bytes
    }

    public init(v4 value: UInt32) {
        bytes = [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    public var isV4: Bool { bytes.count == 4 }

    /// The IPv4 address as a number (only for IPv4).
    var v4Value: UInt32 { bytes.prefix(4).reduce(0) { $0 << 8 | UInt32($1) } }

    /// Eight 16-bit groups (only for IPv6).
    var groups: [UInt16] { stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) } }

    /// `a.b.c.d`, or IPv6 in the RFC 5952 form (lower case, the longest run of zero groups as `::`),
    /// with an IPv4-mapped address written `::ffff:a.b.c.d`.
    public var description: String {
        if isV4 { return bytes.map(String.init).joined(separator: ".") }
        let g = groups
        if g[0..<5].allSatisfy({ $0 == 0 }) && g[5] == 0xFFFF {
            return "::ffff:" + bytes[12..<16].map(String.init).joined(separator: ".")
        }
        // The longest run of two or more zero groups (the first one when tied).
        var best: Range<Int>? = nil
        var i = 0
        while i < 8 {
            guard g[i] == 0 else {
                i += 1
                continue
            }
            var j = i
            while j < 8 && g[j] == 0 { j += 1 }
            if j - i >= 2, j - i > (best?.count ?? 0) { best = i..<j }
            i = j
        }
        let hex = { (r: Range<Int>) in g[r].map { String($0, radix: 16) }.joined(separator: ":") }
        guard let best else { return hex(0..<8) }
        return hex(0..<best.lowerBound) + "::" + hex(best.upperBound..<8)
    }
}

public enum NetworkAddress {
    // MARK: - Kinds of address

    /// Where an address leads. Only `publicInternet` may be called.
    public enum Kind: String, Sendable, CaseIterable {
        case publicInternet
        case loopback
        case privateNetwork
        case linkLocal
        case unspecified
        case sharedAddressSpace
        case multicast
        case broadcast
        case reserved

        public var isPublic: Bool { self == .publicInternet }

        /// How an office user would call it.
        public var label: String {
            switch self {
            case .publicInternet: "互联网地址"
            case .loopback: "本机地址"
            case .privateNetwork: "内网地址"
            case .linkLocal: "链路本地地址"
            case .unspecified: "未指定地址"
            case .sharedAddressSpace: "运营商内网地址"
            case .multicast: "组播地址"
            case .broadcast: "广播地址"
            case .reserved: "保留地址"
            }
        }
    }

    /// The kind of an address and the block that decided it (nil for an ordinary public address).
    public struct Classification: Equatable, Sendable {
        public let kind: Kind
        public let block: String?
        public var isPublic: Bool { kind.isPublic }
        public init(_ kind: Kind, _ block: String?) {
            self.kind = kind
            self.block = block
        }
    }

    private struct Block {
        let prefix: [UInt8]
        let bits: Int
        let text: String
        let kind: Kind

        init(_ text: String, _ kind: Kind) {
            let parts = text.split(separator: "/")
            let address = String(parts[0])
            guard let bits = Int(parts[1]), let a = NetworkAddress.ipv4Standard(address) ?? NetworkAddress.ipv6(address)
            else {
                preconditionFailure("bad block \(text)")
            }
            prefix = a.bytes
            self.bits = bits
            self.text = text
            self.kind = kind
        }

        func contains(_ bytes: [UInt8]) -> Bool {
            guard bytes.count == prefix.count else { return false }
            var left = bits
            for i in 0..<bytes.count where left > 0 {
                let take = min(8, left)
                let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - take))
                if bytes[i] & mask != prefix[i] & mask { return false }
                left -= take
            }
            return true
        }
    }

    /// IPv4 blocks that are not the public internet (RFC 6890 and the IANA special-purpose registry).
    /// The first block that contains an address decides.
    private static let v4Blocks: [Block] = [
        Block("0.0.0.0/32", .unspecified),
        Block("0.0.0.0/8", .reserved),  // "this network"; Linux connects 0.x to the machine itself
        Block("10.0.0.0/8", .privateNetwork),
        Block("100.64.0.0/10", .sharedAddressSpace),  // carrier-grade NAT
        Block("127.0.0.0/8", .loopback),
        Block("169.254.0.0/16", .linkLocal),  // includes the cloud metadata address 169.254.169.254
        Block("172.16.0.0/12", .privateNetwork),
        Block("192.0.0.0/24", .reserved),  // IETF protocol assignments
        Block("192.0.2.0/24", .reserved),  // documentation
        Block("192.88.99.0/24", .reserved),  // old 6to4 relays
        Block("192.168.0.0/16", .privateNetwork),
        Block("198.18.0.0/15", .reserved),  // benchmarking
        Block("198.51.100.0/24", .reserved),  // documentation
        Block("203.0.113.0/24", .reserved),  // documentation
        Block("224.0.0.0/4", .multicast),
        Block("255.255.255.255/32", .broadcast),
        Block("240.0.0.0/4", .reserved),  // future use
    ]

    /// IPv6 blocks inside the global unicast range 2000::/3 that are not the public internet, and the
    /// ranges outside it that mean something; everything else outside 2000::/3 is reserved.
    private static let v6Blocks: [Block] = [
        Block("::/128", .unspecified),
        Block("::1/128", .loopback),
        Block("64:ff9b:1::/48", .privateNetwork),  // NAT64 for local use
        Block("100::/64", .reserved),  // discard-only
        Block("2001::/23", .reserved),  // IETF protocol assignments, Teredo
        Block("2001:db8::/32", .reserved),  // documentation
        Block("3fff::/20", .reserved),  // documentation
        Block("fc00::/7", .privateNetwork),  // unique local
        Block("fe80::/10", .linkLocal),
        Block("fec0::/10", .privateNetwork),  // old site-local
        Block("ff00::/8", .multicast),
    ]
    private static let globalUnicast = Block("2000::/3", .publicInternet)

    /// IPv6 forms that carry an IPv4 address: the address is what the IPv4 part is.
    private static let v4Carriers: [(block: Block, offset: Int)] = [
        (Block("::ffff:0:0/96", .reserved), 12),  // IPv4-mapped
        (Block("64:ff9b::/96", .reserved), 12),  // NAT64
        (Block("2002::/16", .reserved), 2),  // 6to4
    ]

    /// Whether an address is on the public internet, and if not, why.
    public static func classify(_ address: IPAddress) -> Classification {
        let bytes = address.bytes
        if address.isV4 {
            return v4Blocks.first { $0.contains(bytes) }.map { Classification($0.kind, $0.text) }
                ?? Classification(.publicInternet, nil)
        }
        for (carrier, offset) in v4Carriers where carrier.contains(bytes) {
            let inner = IPAddress(bytes: Array(bytes[offset..<offset + 4]))!
            let c = classify(inner)
            return Classification(c.kind, carrier.text + " → " + (c.block ?? inner.description))
        }
        if let b = v6Blocks.first(where: { $0.contains(bytes) }) { return Classification(b.kind, b.text) }
        if globalUnicast.contains(bytes) { return Classification(.publicInternet, nil) }
        return Classification(.reserved, "outside 2000::/3")
    }

    // MARK: - Reading addresses

    /// `a.b.c.d` in decimal, each part 0–255 without leading zeros: the form everyone writes.
    public static func ipv4Standard(_ text: String) -> IPAddress? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for p in parts {
            guard (1...3).contains(p.count), p.allSatisfy({ $0.isASCII && $0.isNumber }),
                !(p.count > 1 && p.first == "0"),
                let n = UInt32(p), n <= 255
            else { return nil }
            value = value << 8 | n
        }
        return IPAddress(v4: value)
    }

    /// IPv4 in every form that `inet_aton` and the WHATWG URL standard accept: one to four parts separated by
    /// dots (the last part fills the remaining bytes), each decimal, octal with a leading `0`, or hexadecimal
    /// with `0x`; one trailing dot is allowed. `2130706433`, `0x7f.1`, `017700000001`, `127.1` are all 127.0.0.1.
    public static func ipv4Loose(_ text: String) -> IPAddress? {
        var parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last == "" { parts.removeLast() }
        guard (1...4).contains(parts.count) else { return nil }
        var numbers: [UInt64] = []
        for p in parts {
            guard let n = number(p) else { return nil }
            numbers.append(n)
        }
        let last = numbers.removeLast()
        guard numbers.allSatisfy({ $0 <= 255 }) else { return nil }
        let lastBits = 8 * (4 - numbers.count)
        guard last < (UInt64(1) << lastBits) else { return nil }
        var value: UInt64 = 0
        for n in numbers { value = value << 8 | n }
        value = value << lastBits | last
        return IPAddress(v4: UInt32(value))
    }

    /// One part of a loose IPv4 address; nil when it is not a number or is too large for any part.
    private static func number(_ part: Substring) -> UInt64? {
        var digits = part
        var radix: UInt64 = 10
        if digits.hasPrefix("0x") || digits.hasPrefix("0X") {
            radix = 16
            digits = digits.dropFirst(2)
        } else if digits.count > 1, digits.hasPrefix("0") {
            radix = 8
            digits = digits.dropFirst()
        } else if digits.isEmpty {
            return nil
        }
        var value: UInt64 = 0
        for c in digits {
            guard c.isASCII, let d = c.hexDigitValue, UInt64(d) < radix else { return nil }
            value = value * radix + UInt64(d)
            if value > UInt64(UInt32.max) { return nil }
        }
        return value
    }

    /// IPv6 text (RFC 4291): eight groups of up to four hex digits, one `::` for a run of zero groups, and the
    /// last 32 bits possibly as `a.b.c.d`. Zone identifiers (`%eth0`) are not accepted.
    public static func ipv6(_ text: String) -> IPAddress? {
        guard text.contains(":"), text.allSatisfy({ $0.isASCII && ($0.isHexDigit || $0 == ":" || $0 == ".") }) else {
            return nil
        }
        // Split at the one `::`, if any.
        var halves: [String] = []
        var rest = Substring(text)
        while let i = rest.indices.first(where: {
            rest[$0] == ":" && rest.index(after: $0) < rest.endIndex && rest[rest.index(after: $0)] == ":"
        }) {
            halves.append(String(rest[..<i]))
            rest = rest[rest.index(i, offsetBy: 2)...]
        }
        halves.append(String(rest))
        guard halves.count <= 2 else { return nil }
        func groups(_ s: String, last: Bool) -> [UInt16]? {
            if s.isEmpty { return [] }
            let parts = s.split(separator: ":", omittingEmptySubsequences: false)
            var out: [UInt16] = []
            for (i, p) in parts.enumerated() {
                if last && i == parts.count - 1 && p.contains(".") {
                    guard let v4 = ipv4Standard(String(p)) else { return nil }
                    let v = v4.v4Value
                    out += [UInt16(v >> 16), UInt16(v & 0xFFFF)]
                } else {
                    guard (1...4).contains(p.count), let g = UInt16(p, radix: 16) else { return nil }
                    out.append(g)
                }
            }
            return out
        }
        var all: [UInt16]
        if halves.count == 2 {
            guard let head = groups(halves[0], last: false), let tail = groups(halves[1], last: true),
                head.count + tail.count <= 7
            else {
                return nil
            }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        } else {
            guard let g = groups(text, last: true), g.count == 8 else { return nil }
            all = g
        }
        return IPAddress(bytes: all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    }

    // MARK: - Hosts

    /// What the host part of a URL stands for.
    public enum Host: Equatable, Sendable {
        /// A literal address; `standardForm` is false for the odd numeric IPv4 forms (`2130706433`, `0x7f.1` …).
        case address(IPAddress, standardForm: Bool)
        /// A DNS name, in lower case and without a trailing dot.
        case name(String)
        /// Empty, with characters no host name has, or a number that is no address (`1.2.3.4.5`, `999.1.1.1`).
        case invalid
    }

    /// Reads a URL host the way resolvers do: `[::1]` and `::1` are IPv6; a host whose last label is a number
    /// (decimal or `0x` hex) is an IPv4 address or nothing, as in the WHATWG URL standard; anything else made of
    /// letters, digits, `-` and `_` is a name.
    public static func parseHost(_ text: String) -> Host {
        var host = text
        if host.hasPrefix("[") || host.hasSuffix("]") {
            guard host.hasPrefix("["), host.hasSuffix("]"), host.count > 2 else { return .invalid }
            host = String(host.dropFirst().dropLast())
            return ipv6(host).map { .address($0, standardForm: true) } ?? .invalid
        }
        if host.contains(":") { return ipv6(host).map { .address($0, standardForm: true) } ?? .invalid }
        guard !host.isEmpty,
            host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "." || $0 == "_") })
        else {
            return .invalid
        }
        var labels = host.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        if labels.count > 1, labels.last == "" { labels.removeLast() }
        let last = labels.last ?? ""
        let endsInNumber =
            !last.isEmpty
            && (last.allSatisfy(\.isNumber) || ((last.hasPrefix("0x")) && last.dropFirst(2).allSatisfy(\.isHexDigit)))
        if endsInNumber {
            guard let a = ipv4Loose(host) else { return .invalid }
            return .address(a, standardForm: ipv4Standard(host) != nil)
        }
        guard labels.allSatisfy({ !$0.isEmpty && $0.count <= 63 }), host.count <= 253 else { return .invalid }
        return .name(labels.joined(separator: "."))
    }

    /// Why a host may not be called.
    public enum Refusal: Equatable, Sendable {
        /// Not a host at all (see `Host.invalid`).
        case invalidHost
        /// `localhost` and names under it, which always mean this machine.
        case localName(String)
        /// The host is, or resolves to, an address that is not on the public internet.
        case notPublic(IPAddress, Classification)
        /// A public address written in an odd numeric form: refused too, no real webhook is written so.
        case unusualNumber(IPAddress)
        /// A name that resolves to no address.
        case unresolvable(String)
    }

    /// What to do with the host of an outgoing URL.
    public enum Verdict: Equatable, Sendable {
        /// A public address: call it.
        case call(IPAddress)
        /// A name: resolve it, then check every address with `check(resolved:name:)`.
        case resolve(String)
        case refuse(Refusal)
    }

    public static func verdict(host: String) -> Verdict {
        switch parseHost(host) {
        case .invalid:
            return .refuse(.invalidHost)
        case .name(let name):
            if name == "localhost" || name.hasSuffix(".localhost") { return .refuse(.localName(name)) }
            return .resolve(name)
        case .address(let a, let standardForm):
            let c = classify(a)
            if !c.isPublic { return .refuse(.notPublic(a, c)) }
            if !standardForm { return .refuse(.unusualNumber(a)) }
            return .call(a)
        }
    }

    /// The addresses a name resolved to may be called only when there is at least one and all are public
    /// (a resolver may hand out any of them, and the order may change).
    public static func check(resolved: [IPAddress], name: String) -> Refusal? {
        guard !resolved.isEmpty else { return .unresolvable(name) }
        for a in resolved {
            let c = classify(a)
            if !c.isPublic { return .notPublic(a, c) }
        }
        return nil
    }
}
