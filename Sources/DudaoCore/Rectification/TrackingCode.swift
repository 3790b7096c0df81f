import Foundation

/// The code a complainant keeps to follow a complaint without an account: `TS-XXXX-XXXX`,
/// eight characters from an alphabet without look-alikes (no 0/O, 1/I/L).
public enum TrackingCode {
    /// 2–9 and A–Z without I, L, O: 31 characters, about 39.6 bits for eight of them.
    public static let alphabet: [Character] = Array("23456789ABCDEFGHJKMNPQRSTUVWXYZ")
    public static let prefix = "TS"
    public static let bodyLength = 8

    /// A new code, "TS-XXXX-XXXX", drawing from `g`.
    public static func make<G: RandomNumberGenerator>(using g: inout G) -> String {
        let body = (0..<bodyLength).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &g)] }
        return format(body)
    }

    /// A new code from the system's random source.
    public static func make() -> String {
        var g = SystemRandomNumberGenerator()
        return make(using: &g)
    }

    /// The canonical "TS-XXXX-XXXX" for what a complainant typed: accepts lower case,
    /// full-width characters, spaces and dashes anywhere, missing dashes, and a missing
    /// "TS" prefix. Nil if what remains is not eight characters of the alphabet.
    public static func normalise(_ input: String) -> String? {
        var chars: [Character] = []
        for scalar in input.unicodeScalars {
            var v = scalar.value
            if (0xFF01...0xFF5E).contains(v) { v -= 0xFEE0 }  // full-width ASCII
            if v == 0x3000 { continue }  // ideographic space
            guard let s = Unicode.Scalar(v) else { return nil }
            let c = Character(s)
            if c.isWhitespace || "-_–—－".contains(c) { continue }
            chars.append(Character(c.uppercased()))
        }
        if chars.count == prefix.count + bodyLength, String(chars.prefix(prefix.count)) == prefix {
            chars.removeFirst(prefix.count)
        }
        guard chars.count == bodyLength, chars.allSatisfy(alphabet.contains) else { return nil }
        return format(chars)
    }

    private static func format(_ body: [Character]) -> String {
        "\(prefix)-\(String(body[0..<4]))-\(String(body[4..<8]))"
    }
}
