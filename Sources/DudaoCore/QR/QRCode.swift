/// A QR Code symbol (ISO/IEC 18004), so that printed pages can carry links.
///
/// Only what the site needs: byte mode (the UTF-8 bytes of the text), versions 1 to 20 (up to 666 bytes at
/// level M, far more than a questionnaire link), no ECI header, no structured append. Everything else follows
/// the standard: function patterns, Reed–Solomon blocks, interleaving, all eight masks scored by the penalty
/// rules, format and version information.
public struct QRCode: Sendable, Equatable {
    /// How much of the symbol may be damaged and still read: about 7 %, 15 %, 25 % and 30 %.
    public enum Correction: Sendable {
        case low, medium, quartile, high
    }

    /// 1…20; a symbol of version v has 4v + 17 modules per side.
    public let version: Int
    public let correction: Correction
    /// The data mask pattern 0…7 that was applied.
    public let mask: Int
    /// Modules per side, without the quiet zone.
    public let size: Int
    /// Row-major, `true` for dark.
    private let modules: [Bool]

    /// Whether the module in column `x`, row `y` is dark. Outside the symbol is the light quiet zone.
    public func isDark(_ x: Int, _ y: Int) -> Bool {
        guard (0..<size).contains(x), (0..<size).contains(y) else { return false }
        return modules[y * size + x]
    }

    /// The smallest symbol (version 1…20) holding `text` as UTF-8 bytes, or nil when it is too long.
    public static func encode(_ text: String, correction: Correction = .medium) -> QRCode? {
        let bytes = Array(text.utf8)
        guard let version = smallestVersion(holding: bytes.count, correction: correction) else { return nil }
        return encode(bytes, version: version, correction: correction, mask: nil)
    }

    static let maxVersion = 20

    /// The smallest version whose data codewords hold `byteCount` bytes in byte mode.
    static func smallestVersion(holding byteCount: Int, correction: Correction) -> Int? {
        (1...maxVersion).first { BlockLayout(version: $0, correction: correction).holds(byteCount: byteCount) }
    }

    /// A symbol of exactly this version; `mask` nil picks the mask with the lowest penalty. Nil when the bytes
    /// don't fit. Tests use the fixed version and mask to compare with other encoders.
    static func encode(_ bytes: [UInt8], version: Int, correction: Correction, mask: Int?) -> QRCode? {
        guard (1...maxVersion).contains(version) else { return nil }
        if let mask, !(0..<8).contains(mask) { return nil }
        let layout = BlockLayout(version: version, correction: correction)
        guard layout.holds(byteCount: bytes.count) else { return nil }
        var grid = Grid(version: version)
        grid.place(layout.finalCodewords(for: bytes))
        let chosen = mask ?? grid.bestMask()
        grid.applyMask(chosen)
        grid.drawFormatInformation(correction: correction, mask: chosen)
        grid.drawVersionInformation(version: version)
        return QRCode(version: version, correction: correction, mask: chosen, size: grid.size, modules: grid.dark)
    }
}

// MARK: - Error correction levels

extension QRCode.Correction {
    /// The two bits the format information carries for the level (ISO/IEC 18004 Table 12). Not in L-M-Q-H order.
    var formatBits: Int {
        switch self {
        case .low: return 0b01
        case .medium: return 0b00
        case .quartile: return 0b11
        case .high: return 0b10
        }
    }

    /// The column for the level in the per-version tables below.
    var tableColumn: Int {
        switch self {
        case .low: return 0
        case .medium: return 1
        case .quartile: return 2
        case .high: return 3
        }
    }
}

// MARK: - Codewords

extension QRCode {
    /// How a version and level split the codewords into Reed–Solomon blocks (ISO/IEC 18004 Table 9).
    struct BlockLayout {
        /// All codewords in the symbol, data and error correction (Table 1), for versions 1…20.
        private static let totalCodewords = [
            26, 44, 70, 100, 134, 172, 196, 242, 292, 346, 404, 466, 532, 581, 655, 733, 815, 901, 991, 1085,
        ]
        /// Error correction codewords per block, for L, M, Q, H.
        private static let correctionPerBlock: [[Int]] = [
            [7, 10, 13, 17], [10, 16, 22, 28], [15, 26, 18, 22], [20, 18, 26, 16], [26, 24, 18, 22],
            [18, 16, 24, 28], [20, 18, 18, 26], [24, 22, 22, 26], [30, 22, 20, 24], [18, 26, 24, 28],
            [20, 30, 28, 24], [24, 22, 26, 28], [26, 22, 24, 22], [30, 24, 20, 24], [22, 24, 30, 24],
            [24, 28, 24, 30], [28, 28, 28, 28], [30, 26, 28, 28], [28, 26, 26, 26], [28, 26, 30, 28],
        ]
        /// Number of blocks, for L, M, Q, H.
        private static let blockCounts: [[Int]] = [
            [1, 1, 1, 1], [1, 1, 1, 1], [1, 1, 2, 2], [1, 2, 2, 4], [1, 2, 4, 4],
            [2, 4, 4, 4], [2, 4, 6, 5], [2, 4, 6, 6], [2, 5, 8, 8], [4, 5, 8, 8],
            [4, 5, 8, 11], [4, 8, 10, 11], [4, 9, 12, 16], [4, 9, 16, 16], [6, 10, 12, 18],
            [6, 10, 17, 16], [6, 11, 16, 19], [6, 13, 18, 21], [7, 14, 21, 25], [8, 16, 20, 25],
        ]

        let version: Int
        let total: Int
        let correctionPerBlock: Int
        let blocks: Int

        init(version: Int, correction: Correction) {
            self.version = version
            total = Self.totalCodewords[version - 1]
            correctionPerBlock = Self.correctionPerBlock[version - 1][correction.tableColumn]
            blocks = Self.blockCounts[version - 1][correction.tableColumn]
        }

        var dataCodewords: Int { total - blocks * correctionPerBlock }

        /// Bits of the byte-mode character count: the field widens at version 10.
        var countBits: Int { version < 10 ? 8 : 16 }

        /// Whether the mode indicator, count and bytes fit in the data codewords.
        func holds(byteCount: Int) -> Bool {
            byteCount < 1 << countBits && 4 + countBits + 8 * byteCount <= 8 * dataCodewords
        }

        /// The data codewords: mode, count, bytes, terminator, then padding to fill the capacity.
        func dataCodewords(for bytes: [UInt8]) -> [UInt8] {
            var bits = BitBuffer()
            bits.append(0b0100, count: 4)  // byte mode
            bits.append(bytes.count, count: countBits)
            for byte in bytes { bits.append(Int(byte), count: 8) }
            let capacity = 8 * dataCodewords
            bits.append(0, count: min(4, capacity - bits.count))  // terminator, shortened when space runs out
            bits.append(0, count: (8 - bits.count % 8) % 8)
            let codewords = bits.bytes
            // Pad codewords 11101100 and 00010001, alternately, fill the rest.
            let padding = (0..<dataCodewords - codewords.count).map { $0 % 2 == 0 ? UInt8(0xEC) : 0x11 }
            return codewords + padding
        }

        /// The data split into blocks, each followed by its error correction, interleaved codeword by codeword as
        /// the standard orders them: all blocks' first data codewords, then the seconds, …, then the same for
        /// error correction. Short blocks come first and long ones have one more data codeword.
        func finalCodewords(for bytes: [UInt8]) -> [UInt8] {
            let data = dataCodewords(for: bytes)
            let longBlocks = dataCodewords % blocks
            let shortLength = dataCodewords / blocks
            var dataBlocks: [[UInt8]] = []
            var start = 0
            for index in 0..<blocks {
                let length = shortLength + (index >= blocks - longBlocks ? 1 : 0)
                dataBlocks.append(Array(data[start..<start + length]))
                start += length
            }
            let generator = ReedSolomon.generator(degree: correctionPerBlock)
            let correctionBlocks = dataBlocks.map { ReedSolomon.remainder(of: $0, generator: generator) }
            return Self.interleave(dataBlocks) + Self.interleave(correctionBlocks)
        }

        private static func interleave(_ blocks: [[UInt8]]) -> [UInt8] {
            let longest = blocks.map(\.count).max() ?? 0
            var result: [UInt8] = []
            for index in 0..<longest {
                for block in blocks where index < block.count { result.append(block[index]) }
            }
            return result
        }
    }
}

extension QRCode {
    /// Bits appended most significant first, packed into bytes as they come.
    struct BitBuffer {
        private(set) var bytes: [UInt8] = []
        private(set) var count = 0

        mutating func append(_ value: Int, count bitCount: Int) {
            for shift in stride(from: bitCount - 1, through: 0, by: -1) {
                if count % 8 == 0 { bytes.append(0) }
                bytes[bytes.count - 1] |= UInt8((value >> shift) & 1) << (7 - count % 8)
                count += 1
            }
        }
    }
}

// MARK: - Reed–Solomon over GF(256)

extension QRCode {
    /// Arithmetic in GF(2⁸) with the QR primitive polynomial x⁸ + x⁴ + x³ + x² + 1, and the error correction
    /// codewords as the remainder of the data polynomial divided by the generator polynomial.
    enum ReedSolomon {
        /// `exp[i]` = αⁱ, doubled in length so that `exp[log a + log b]` needs no modulo.
        private static let exp: [UInt8] = {
            var table = [UInt8](repeating: 0, count: 512)
            var value = 1
            for index in 0..<255 {
                table[index] = UInt8(value)
                value <<= 1
                if value & 0x100 != 0 { value ^= 0x11D }
            }
            for index in 255..<512 { table[index] = table[index - 255] }
            return table
        }()

        private static let log: [Int] = {
            var table = [Int](repeating: 0, count: 256)
            for index in 0..<255 { table[Int(exp[index])] = index }
            return table
        }()

        static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
            if a == 0 || b == 0 { return 0 }
            return exp[log[Int(a)] + log[Int(b)]]
        }

        /// The coefficients of (x − α⁰)(x − α¹)…(x − α^(degree−1)), highest power first, leading 1 included.
        static func generator(degree: Int) -> [UInt8] {
            var polynomial: [UInt8] = [1]
            for power in 0..<degree {
                // Multiply by (x + αᵖ); subtraction is addition (XOR) in GF(2⁸).
                var next = polynomial + [0]
                for (index, coefficient) in polynomial.enumerated() {
                    next[index + 1] ^= multiply(coefficient, exp[power])
                }
                polynomial = next
            }
            return polynomial
        }

        /// The remainder of data(x)·x^degree divided by the generator: the error correction codewords.
        static func remainder(of data: [UInt8], generator: [UInt8]) -> [UInt8] {
            let degree = generator.count - 1
            var remainder = [UInt8](repeating: 0, count: degree)
            for byte in data {
                // Long division one codeword at a time, keeping only the running remainder.
                let factor = byte ^ remainder[0]
                remainder.removeFirst()
                remainder.append(0)
                for index in 0..<degree { remainder[index] ^= multiply(generator[index + 1], factor) }
            }
            return remainder
        }
    }
}

// MARK: - BCH codes for format and version information

/// `value` followed by the remainder of value·x^degree divided by `generator` over GF(2).
private func bchCode(_ value: Int, generator: Int) -> Int {
    let degree = highestBit(generator)
    var remainder = value << degree
    while remainder != 0 && highestBit(remainder) >= degree {
        remainder ^= generator << (highestBit(remainder) - degree)
    }
    return value << degree | remainder
}

private func highestBit(_ value: Int) -> Int { Int.bitWidth - 1 - value.leadingZeroBitCount }

extension QRCode {
    /// The 15 format bits: level and mask, BCH(15,5)-protected, XORed with 101010000010010 so that they are
    /// never all light.
    static func formatBits(correction: Correction, mask: Int) -> Int {
        bchCode(correction.formatBits << 3 | mask, generator: 0b101_0011_0111) ^ 0b101_0100_0001_0010
    }

    /// The 18 version bits, BCH(18,6)-protected (versions 7 and up only).
    static func versionBits(version: Int) -> Int {
        bchCode(version, generator: 0b1_1111_0010_0101)
    }
}

// MARK: - The module grid

extension QRCode {
    /// The symbol under construction: colours, and which modules belong to function patterns (or are reserved
    /// for format and version information) and so never carry data or get masked.
    struct Grid {
        /// Centres of alignment patterns for versions 1…20, as both row and column coordinates (Annex E).
        private static let alignmentCentres: [[Int]] = [
            [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
            [6, 30, 54], [6, 32, 58], [6, 34, 62], [6, 26, 46, 66], [6, 26, 48, 70], [6, 26, 50, 74],
            [6, 30, 54, 78], [6, 30, 56, 82], [6, 30, 58, 86], [6, 34, 62, 90],
        ]

        let size: Int
        private(set) var dark: [Bool]
        private var isFunction: [Bool]

        /// A grid with all function patterns drawn and the format and version areas reserved (left light).
        init(version: Int) {
            size = 4 * version + 17
            dark = Array(repeating: false, count: size * size)
            isFunction = Array(repeating: false, count: size * size)
            drawTimingPatterns()
            drawFinderPattern(left: 0, top: 0)
            drawFinderPattern(left: size - 7, top: 0)
            drawFinderPattern(left: 0, top: size - 7)
            drawAlignmentPatterns(centres: Self.alignmentCentres[version - 1])
            reserveFormatAndVersionAreas(hasVersionInformation: version >= 7)
        }

        private mutating func set(_ x: Int, _ y: Int, dark isDark: Bool) {
            dark[y * size + x] = isDark
            isFunction[y * size + x] = true
        }

        private mutating func reserve(_ x: Int, _ y: Int) { isFunction[y * size + x] = true }

        // MARK: Function patterns

        /// Row 6 and column 6 alternate dark and light; the finders drawn afterwards cover their ends.
        private mutating func drawTimingPatterns() {
            for index in 0..<size {
                set(index, 6, dark: index % 2 == 0)
                set(6, index, dark: index % 2 == 0)
            }
        }

        /// Concentric squares 7, 5, 3 (dark, light, dark) plus the one-module light separator around them.
        private mutating func drawFinderPattern(left: Int, top: Int) {
            for dy in -1...7 {
                for dx in -1...7 {
                    let x = left + dx
                    let y = top + dy
                    guard (0..<size).contains(x), (0..<size).contains(y) else { continue }
                    let ring = max(abs(dx - 3), abs(dy - 3))  // 0 at the centre, 4 on the separator
                    set(x, y, dark: ring != 2 && ring != 4)
                }
            }
        }

        /// 5×5 squares (dark, light, dark centre) at every pair of centres, except the three that would
        /// overlap the finder patterns.
        private mutating func drawAlignmentPatterns(centres: [Int]) {
            guard let first = centres.first, let last = centres.last else { return }
            for cy in centres {
                for cx in centres {
                    if (cx == first && cy == first) || (cx == first && cy == last) || (cx == last && cy == first) {
                        continue
                    }
                    for dy in -2...2 {
                        for dx in -2...2 { set(cx + dx, cy + dy, dark: max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
        }

        /// Keeps the data out of the format areas (beside the finders) and, from version 7, the two 6×3 version
        /// areas. They stay light until the mask is chosen.
        private mutating func reserveFormatAndVersionAreas(hasVersionInformation: Bool) {
            for index in 0...8 {
                reserve(8, index)
                reserve(index, 8)
            }
            for index in 0..<8 {
                reserve(size - 1 - index, 8)
                reserve(8, size - 1 - index)  // includes the always-dark module at (8, size − 8)
            }
            guard hasVersionInformation else { return }
            for long in 0..<6 {
                for short in size - 11..<size - 8 {
                    reserve(short, long)
                    reserve(long, short)
                }
            }
        }

        // MARK: Data

        /// Codeword bits, most significant first, in two-module-wide columns from the right edge, going up and down
        /// in turn, right module before left, skipping function modules. Column 6 (the vertical timing pattern) is
        /// skipped entirely. Modules left over are the remainder bits and stay light.
        mutating func place(_ codewords: [UInt8]) {
            let bitCount = codewords.count * 8
            var bitIndex = 0
            var right = size - 1
            var upward = true
            while right > 0 {
                if right == 6 { right = 5 }
                for step in 0..<size {
                    let y = upward ? size - 1 - step : step
                    for x in [right, right - 1] where !isFunction[y * size + x] {
                        if bitIndex < bitCount {
                            dark[y * size + x] = (codewords[bitIndex / 8] >> (7 - bitIndex % 8)) & 1 == 1
                        }
                        bitIndex += 1
                    }
                }
                upward.toggle()
                right -= 2
            }
        }

        // MARK: Masking

        /// Mask patterns 0…7 (Table 10), with i the row and j the column: a data module is inverted where true.
        static func maskInverts(_ mask: Int, row i: Int, column j: Int) -> Bool {
            switch mask {
            case 0: return (i + j) % 2 == 0
            case 1: return i % 2 == 0
            case 2: return j % 3 == 0
            case 3: return (i + j) % 3 == 0
            case 4: return (i / 2 + j / 3) % 2 == 0
            case 5: return (i * j) % 2 + (i * j) % 3 == 0
            case 6: return ((i * j) % 2 + (i * j) % 3) % 2 == 0
            default: return ((i + j) % 2 + (i * j) % 3) % 2 == 0
            }
        }

        mutating func applyMask(_ mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !isFunction[y * size + x] {
                    if Self.maskInverts(mask, row: y, column: x) { dark[y * size + x].toggle() }
                }
            }
        }

        /// The mask with the lowest penalty; the lower-numbered one on a tie.
        ///
        /// The standard's procedure masks and scores the symbol before the format and version information is
        /// added, so those areas (and the dark module, which belongs to the format information) are scored as
        /// light. Encoders differ here: some score the finished symbol instead, and may pick another mask for the
        /// same data. Any mask decodes the same.
        func bestMask() -> Int {
            var bestMask = 0
            var bestPenalty = Int.max
            for mask in 0..<8 {
                var candidate = self
                candidate.applyMask(mask)
                let penalty = Penalty.score(candidate.dark, size: size)
                if penalty < bestPenalty {
                    bestMask = mask
                    bestPenalty = penalty
                }
            }
            return bestMask
        }

        // MARK: Format and version information

        /// Two copies of the 15 format bits (bit 0 least significant): one around the top-left finder, one split
        /// between the other two; plus the dark module beside the bottom-left finder.
        mutating func drawFormatInformation(correction: Correction, mask: Int) {
            let bits = QRCode.formatBits(correction: correction, mask: mask)
            for index in 0..<15 {
                let isDark = (bits >> index) & 1 == 1
                // Top-left: bits 0–7 up column 8 (stepping over the timing row), bits 8–14 along row 8 leftwards
                // (stepping over the timing column).
                switch index {
                case 0..<6: set(8, index, dark: isDark)
                case 6..<8: set(8, index + 1, dark: isDark)
                case 8: set(7, 8, dark: isDark)
                default: set(14 - index, 8, dark: isDark)
                }
                // Second copy: bits 0–7 along row 8 from the right edge, bits 8–14 down column 8 to the bottom edge.
                if index < 8 {
                    set(size - 1 - index, 8, dark: isDark)
                } else {
                    set(8, size - 15 + index, dark: isDark)
                }
            }
            set(8, size - 8, dark: true)
        }

        /// From version 7: the 18 version bits in a 6×3 block above the bottom-left finder and its mirror image
        /// left of the top-right finder.
        mutating func drawVersionInformation(version: Int) {
            guard version >= 7 else { return }
            let bits = QRCode.versionBits(version: version)
            for index in 0..<18 {
                let isDark = (bits >> index) & 1 == 1
                let long = index / 3
                let short = size - 11 + index % 3
                set(short, long, dark: isDark)
                set(long, short, dark: isDark)
            }
        }
    }
}

// MARK: - Penalty rules

extension QRCode {
    /// The mask evaluation of ISO/IEC 18004 section 7.8.3: lower is better.
    enum Penalty {
        static func score(_ dark: [Bool], size: Int) -> Int {
            var total = 0
            for index in 0..<size {
                let row = Line(modules: dark, start: index * size, step: 1, count: size)
                let column = Line(modules: dark, start: index, step: size, count: size)
                total += runs(row) + finderLikes(row) + runs(column) + finderLikes(column)
            }
            return total + blocks(dark, size: size) + balance(dark)
        }

        /// A row or a column of the grid, read in place rather than copied: scoring runs eight times per symbol.
        struct Line {
            let modules: [Bool]
            let start: Int
            let step: Int
            let count: Int

            init(modules: [Bool], start: Int = 0, step: Int = 1, count: Int? = nil) {
                self.modules = modules
                self.start = start
                self.step = step
                self.count = count ?? modules.count
            }

            subscript(index: Int) -> Bool { modules[start + index * step] }

            /// Whether all modules in `range` are light; positions past either end are the light quiet zone.
            func isLight(_ range: Range<Int>) -> Bool {
                for index in max(0, range.lowerBound)..<min(count, range.upperBound) where self[index] {
                    return false
                }
                return true
            }
        }

        /// N1: 3 points for each run of five or more modules of one colour in a line, plus 1 for each module
        /// beyond five.
        static func runs(_ line: Line) -> Int {
            var score = 0
            var previous = line[0]
            var length = 1
            for index in 1..<line.count {
                let current = line[index]
                if current == previous {
                    length += 1
                    continue
                }
                if length >= 5 { score += 3 + (length - 5) }
                previous = current
                length = 1
            }
            if length >= 5 { score += 3 + (length - 5) }
            return score
        }

        /// N2: 3 points for each 2×2 square of one colour (overlapping squares each count).
        static func blocks(_ dark: [Bool], size: Int) -> Int {
            var score = 0
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let colour = dark[y * size + x]
                    if dark[y * size + x + 1] == colour, dark[(y + 1) * size + x] == colour,
                        dark[(y + 1) * size + x + 1] == colour
                    {
                        score += 3
                    }
                }
            }
            return score
        }

        /// N3: 40 points for each dark-light-dark-dark-dark-light-dark (1:1:3:1:1) pattern in a line with four
        /// light modules on at least one side: a reader could take it for a finder. Patterns that share modules
        /// (10111011101) each count.
        static func finderLikes(_ line: Line) -> Int {
            var score = 0
            var window = 0  // the last seven modules as bits, the newest lowest
            for end in 0..<line.count {
                window = (window << 1 | (line[end] ? 1 : 0)) & 0b111_1111
                guard end >= 6, window == 0b101_1101 else { continue }
                let start = end - 6
                if line.isLight(start - 4..<start) || line.isLight(end + 1..<end + 5) { score += 40 }
            }
            return score
        }

        /// N4: 10 points for each full 5 % by which the share of dark modules departs from 50 %.
        static func balance(_ dark: [Bool]) -> Int {
            let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
            // |dark/total − 1/2| in steps of 5 % is |20·dark − 10·total| / total, rounded down.
            return 10 * (abs(20 * darkCount - 10 * dark.count) / dark.count)
        }
    }
}
