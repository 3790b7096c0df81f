/// HTML rendered once with a marker in each place where a request writes its own value, and cut at the markers:
/// every page's frame (`FrameTemplate`), and the balance page drawn once with its kept figures but for the
/// account's weights form (`BalanceOverviewContent`).
enum SlottedHTML {
    /// Kept text, then the slot whose value follows it (none after the last piece).
    struct Piece<Slot: RawRepresentable & Equatable & Sendable>: Equatable, Sendable where Slot.RawValue == String {
        let literal: Substring
        let slot: Slot?
    }

    /// A slot's marker: characters from Unicode's private use area, which no escaping changes and no constant text
    /// of the site contains. The frame is rendered from constants and markers only; content drawn with data (a
    /// school's name may hold these characters) checks that it is cut at the markers it was drawn with, in order.
    static func marker(_ name: String) -> String { "\u{E000}\(name)\u{E001}" }

    /// `html` cut at the markers of `Slot`'s slots, in order; a marker of no such slot stays text.
    ///
    /// The scan is over bytes: in UTF-8, U+E000 is EE 80 80 and U+E001 is EE 80 81, and no other character begins
    /// with those bytes. Scanning characters instead took as long as drawing the balance page.
    static func cut<Slot>(_ html: String, _: Slot.Type) -> [Piece<Slot>] {
        let utf8 = html.utf8
        let found = utf8.withContiguousStorageIfAvailable(markers) ?? Array(utf8).withUnsafeBufferPointer(markers)
        func at(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        var pieces: [Piece<Slot>] = []
        var start = utf8.startIndex
        for marker in found {
            guard let slot = Slot(rawValue: String(html[at(marker.name.lowerBound)..<at(marker.name.upperBound)]))
            else { continue }
            pieces.append(Piece(literal: html[start..<at(marker.start)], slot: slot))
            start = at(marker.end)
        }
        pieces.append(Piece(literal: html[start...], slot: nil))
        return pieces
    }

    /// Where each marker starts and ends, and its name, as byte offsets, in order.
    private static func markers(in bytes: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, name: Range<Int>)] {
        func isMarkerCharacter(_ at: Int, last: UInt8) -> Bool {
            bytes[at] == 0xEE && bytes[at + 1] == 0x80 && bytes[at + 2] == last
        }
        var found: [(start: Int, end: Int, name: Range<Int>)] = []
        var open = 0
        while open + 2 < bytes.count {
            guard isMarkerCharacter(open, last: 0x80) else {
                open += 1
                continue
            }
            var close = open + 3
            while close + 2 < bytes.count, !isMarkerCharacter(close, last: 0x81), !isMarkerCharacter(close, last: 0x80)
            {
                close += 1
            }
            guard close + 2 < bytes.count, isMarkerCharacter(close, last: 0x81) else {
                open += 3
                continue
            }
            found.append((open, close + 3, (open + 3)..<close))
            open = close + 3
        }
        return found
    }
}
