/// Numbers as fixed-width digits, for the texts written on every request: a date's ISO form (every bound date, every
/// date shown) and a hash's hexadecimal digits (every session cookie). Foundation's `String(format:)` parses its
/// format and goes through the C library each time: 6 % of the balance page's processor time, 1 % of an inspector's
/// home.
public enum DigitText {
    /// `n` in decimal, zero-padded to `width` characters, the sign included: `String(format: "%0*d", width, n)`.
    public static func zeroPadded(_ n: Int, width: Int) -> String {
        let digits = String(n.magnitude)
        let sign = n < 0 ? "-" : ""
        let zeros = max(0, width - sign.count - digits.count)
        return sign + String(repeating: "0", count: zeros) + digits
    }

    /// The bytes as lower-case hexadecimal digits, two a byte: `String(format: "%02x", byte)` joined.
    public static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        var text: [UInt8] = []
        text.reserveCapacity(bytes.underestimatedCount * 2)
        for byte in bytes {
            text.append(hexDigits[Int(byte >> 4)])
            text.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
