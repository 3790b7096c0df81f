import XCTest

@testable import DudaoCore

/// The reference values come from ISO/IEC 18004 tables and from two independent encoders: segno 1.4.1 and
/// python-qrcode 7.4.2 (Debian packages), with the same text, version, level and mask. segno 1.4.1 appends 8
/// stray zero bits when the bit stream already ends on a codeword boundary (heuer/segno#148), which byte mode
/// always does; the references were made with that one function corrected, and python-qrcode agrees with them.
final class QRCodeTests: XCTestCase {
    private let link = "http://127.0.0.1:8090/q/12/345?k=3f9a0c1e5b7d2a4c6e8f0a1b"

    // MARK: - Version choice

    /// Bytes that fit in versions 1…20 (ISO/IEC 18004 Table 7, byte mode).
    private let capacities: [(QRCode.Correction, [Int])] = [
        (.low, [17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858]),
        (.medium, [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666]),
        (.quartile, [11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482]),
        (.high, [7, 14, 24, 34, 44, 58, 64, 84, 98, 119, 137, 155, 177, 194, 220, 250, 280, 310, 338, 382]),
    ]

    func testSmallestVersionAtEachCapacityBoundary() {
        for (correction, table) in capacities {
            for (index, capacity) in table.enumerated() {
                let version = index + 1
                XCTAssertEqual(QRCode.smallestVersion(holding: capacity, correction: correction), version)
                let next = QRCode.smallestVersion(holding: capacity + 1, correction: correction)
                XCTAssertEqual(next, version < 20 ? version + 1 : nil, "\(correction) v\(version)")
            }
        }
    }

    func testEncodeUsesTheSmallestVersion() {
        XCTAssertEqual(QRCode.encode("")?.version, 1)
        XCTAssertEqual(QRCode.encode(String(repeating: "a", count: 14))?.version, 1)
        XCTAssertEqual(QRCode.encode(String(repeating: "a", count: 15))?.version, 2)
        XCTAssertEqual(QRCode.encode(String(repeating: "a", count: 7), correction: .high)?.version, 1)
        XCTAssertEqual(QRCode.encode(String(repeating: "a", count: 8), correction: .high)?.version, 2)
        XCTAssertEqual(QRCode.encode(String(repeating: "a", count: 17), correction: .low)?.version, 1)
        XCTAssertEqual(QRCode.encode(link)?.version, 4)
        XCTAssertEqual(QRCode.encode(link)?.size, 33)
    }

    func testTextTooLongForVersion20GivesNil() {
        XCTAssertNil(QRCode.encode(String(repeating: "a", count: 667)))
        XCTAssertNil(QRCode.encode(String(repeating: "a", count: 383), correction: .high))
        XCTAssertNil(QRCode.encode(String(repeating: "a", count: 859), correction: .low))
        XCTAssertNil(QRCode.encode(Array(link.utf8), version: 3, correction: .medium, mask: nil))
    }

    func testTextIsCountedInUTF8Bytes() {
        // 督 and 导 are 3 bytes each: 5 characters, 15 bytes, one more than version 1-M holds.
        XCTAssertEqual(QRCode.encode("督导督导督")?.version, 2)
        XCTAssertEqual(QRCode.encode("督导督导a")?.version, 1)
    }

    // MARK: - Function patterns

    func testFinderPatternsWithSeparators() throws {
        let code = try XCTUnwrap(QRCode.encode(link))
        let finder = [
            "11111110", "10000010", "10111010", "10111010", "10111010", "10000010", "11111110", "00000000",
        ]
        let last = code.size - 1
        for (dy, row) in finder.enumerated() {
            for (dx, module) in row.enumerated() {
                let dark = module == "1"
                XCTAssertEqual(code.isDark(dx, dy), dark, "top left \(dx),\(dy)")
                XCTAssertEqual(code.isDark(last - dx, dy), dark, "top right \(dx),\(dy)")
                XCTAssertEqual(code.isDark(dx, last - dy), dark, "bottom left \(dx),\(dy)")
            }
        }
    }

    func testTimingPatternsAndDarkModule() throws {
        let code = try XCTUnwrap(QRCode.encode(link))
        for index in 8...(code.size - 9) {
            XCTAssertEqual(code.isDark(index, 6), index % 2 == 0, "row 6, column \(index)")
            XCTAssertEqual(code.isDark(6, index), index % 2 == 0, "column 6, row \(index)")
        }
        XCTAssertTrue(code.isDark(8, code.size - 8))
    }

    func testAlignmentPatternsOfVersion7() throws {
        let code = try XCTUnwrap(QRCode.encode(Array(link.utf8), version: 7, correction: .medium, mask: 0))
        // Centres at 6, 22, 38: all pairs but the three finder corners.
        for (cx, cy) in [(22, 6), (6, 22), (22, 22), (38, 22), (22, 38), (38, 38)] {
            for dy in -2...2 {
                for dx in -2...2 {
                    XCTAssertEqual(code.isDark(cx + dx, cy + dy), max(abs(dx), abs(dy)) != 1, "\(cx),\(cy) \(dx),\(dy)")
                }
            }
        }
    }

    func testOutsideTheSymbolIsLight() throws {
        let code = try XCTUnwrap(QRCode.encode("Dudao"))
        XCTAssertTrue(code.isDark(0, 0))
        XCTAssertFalse(code.isDark(-1, 0))
        XCTAssertFalse(code.isDark(0, code.size))
    }

    // MARK: - Format and version information

    /// ISO/IEC 18004 Table C.1, masks 0…7 for each level.
    private let formatTable: [(QRCode.Correction, [Int])] = [
        (.low, [0x77C4, 0x72F3, 0x7DAA, 0x789D, 0x662F, 0x6318, 0x6C41, 0x6976]),
        (.medium, [0x5412, 0x5125, 0x5E7C, 0x5B4B, 0x45F9, 0x40CE, 0x4F97, 0x4AA0]),
        (.quartile, [0x355F, 0x3068, 0x3F31, 0x3A06, 0x24B4, 0x2183, 0x2EDA, 0x2BED]),
        (.high, [0x1689, 0x13BE, 0x1CE7, 0x19D0, 0x0762, 0x0255, 0x0D0C, 0x083B]),
    ]

    func testFormatBitsMatchTheStandardTable() {
        for (correction, values) in formatTable {
            for (mask, value) in values.enumerated() {
                XCTAssertEqual(QRCode.formatBits(correction: correction, mask: mask), value, "\(correction) \(mask)")
            }
        }
    }

    func testFormatBitsAreDrawnInBothCopies() throws {
        let code = try XCTUnwrap(QRCode.encode(Array(link.utf8), version: 5, correction: .quartile, mask: 6))
        let size = code.size
        // Bit 0 first: up column 8 past the timing row, then left along row 8 past the timing column.
        let firstCopy =
            [(8, 0), (8, 1), (8, 2), (8, 3), (8, 4), (8, 5), (8, 7), (8, 8), (7, 8)] + (0..<6).map { (5 - $0, 8) }
        // Bit 0 first: leftwards on row 8 from the right edge, then down column 8 to the bottom edge.
        let secondCopy = (0..<8).map { (size - 1 - $0, 8) } + (8..<15).map { (8, size - 15 + $0) }
        for copy in [firstCopy, secondCopy] {
            let bits = copy.enumerated().reduce(0) { $0 | (code.isDark($1.1.0, $1.1.1) ? 1 << $1.0 : 0) }
            XCTAssertEqual(bits, 0x2EDA)
        }
    }

    func testVersionBitsMatchTheStandardTable() {
        // ISO/IEC 18004 Table D.1, versions 7…20.
        let table = [
            0x07C94, 0x085BC, 0x09A99, 0x0A4D3, 0x0BBF6, 0x0C762, 0x0D847, 0x0E60D, 0x0F928, 0x10B78, 0x1145D,
            0x12A17, 0x13532, 0x149A6,
        ]
        for (index, value) in table.enumerated() {
            XCTAssertEqual(QRCode.versionBits(version: index + 7), value, "version \(index + 7)")
        }
    }

    func testVersionBitsAreDrawnInBothBlocks() throws {
        let code = try XCTUnwrap(QRCode.encode(Array(link.utf8), version: 12, correction: .high, mask: 3))
        var aboveBottomLeft = 0
        var leftOfTopRight = 0
        for index in 0..<18 {
            // Bit i sits at offset i / 3 along the long side and i % 3 across, starting 11 modules from the far edge.
            if code.isDark(index / 3, code.size - 11 + index % 3) { aboveBottomLeft |= 1 << index }
            if code.isDark(code.size - 11 + index % 3, index / 3) { leftOfTopRight |= 1 << index }
        }
        XCTAssertEqual(aboveBottomLeft, 0x0C762)
        XCTAssertEqual(leftOfTopRight, 0x0C762)
    }

    // MARK: - Codewords

    func testReedSolomonOfTheClassicVersion1MediumExample() {
        // "HELLO WORLD" in alphanumeric mode at 1-M: the data codewords and the 10 error correction codewords
        // published with the standard's worked example. The mode doesn't matter to Reed–Solomon.
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        let generator = QRCode.ReedSolomon.generator(degree: 10)
        XCTAssertEqual(
            QRCode.ReedSolomon.remainder(of: data, generator: generator),
            [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    func testGeneratorPolynomialOfDegree7() {
        // Annex A: x⁷ + α⁸⁷x⁶ + α²²⁹x⁵ + α¹⁴⁶x⁴ + α¹⁴⁹x³ + α²³⁸x² + α¹⁰²x + α²¹, as numbers.
        XCTAssertEqual(QRCode.ReedSolomon.generator(degree: 7), [1, 127, 122, 154, 164, 11, 68, 117])
    }

    func testByteModeCodewordsInOneBlock() {
        // "Dudao" at 1-M: 0100, count 5, the bytes, terminator, pads 0xEC 0x11 from the first pad on, then 10 EC.
        let layout = QRCode.BlockLayout(version: 1, correction: .medium)
        XCTAssertEqual(
            hex(layout.finalCodewords(for: Array("Dudao".utf8))), "405447564616f0ec11ec11ec11ec11ecf6014719ed43587b6805"
        )
    }

    func testCodewordsInterleavedAcrossBlocksOfTwoLengths() {
        // 5-Q: two blocks of 15 data codewords, two of 16, each with 18 error correction codewords.
        let layout = QRCode.BlockLayout(version: 5, correction: .quartile)
        let expected =
            "4302434396e353268713f61347a3b3464783d33303033666a2936353f2029686f3f713631312060623f3331372131616e32253"
            + "2002f356ece333231176ec3a13c6096c754cdf28527fb023a8a40bf5d0b07e66d5f59bcc79e3bbcaf770fbde9d26f07aafc17e9"
            + "2763fc9d1e8c800a6d302a1cc8f113b115b2bc8798952b95c7efd29c3ec25ac"
        XCTAssertEqual(hex(layout.finalCodewords(for: Array(link.utf8))), expected)
    }

    // MARK: - Whole symbols

    func testVersion1MediumMatchesReference() throws {
        let code = try XCTUnwrap(QRCode.encode("Dudao"))
        XCTAssertEqual(code.mask, 4)  // the reference encoder's own choice too
        assertModules(
            code,
            """
            fe83f8 821a08 ba6ae8 baaae8 bacae8 829208 feabf8 00b800 8bf7c8 e99960 02b390 894680 4ece08 00ee78
            fecc50 821910 bad388 ba5838 ba7380 826600 feef88
            """)
    }

    func testQuestionnaireLinkMatchesReference() throws {
        let code = try XCTUnwrap(QRCode.encode(link))
        XCTAssertEqual(code.mask, 2)  // the reference encoder's own choice too
        assertModules(
            code,
            """
            fe2a37bf8 823146a08 bae3a52e8 ba9961ae8 ba8bdf2e8 82da44208 feaaaabf8 008a85000 be4cd8be0 215615f78
            733fa88a0 350c24ef0 52bbda1d8 05e531e38 d20daa950 f9010dd60 3e25e8188 e81837f78 83b7a48a0 8966874f8
            77a261cc8 e425df368 ba2644010 a1389e330 bf0a68fc8 00c0168a8 fe6927ab0 82b6048b8 bac95afd8 bad731198
            ba9329f60 823e155e0 feb9e8d90
            """)
    }

    func testVersion7QuartileMask5MatchesReference() throws {
        let text = link + "&s=%E7%AC%AC%E4%B8%80"
        let code = try XCTUnwrap(QRCode.encode(Array(text.utf8), version: 7, correction: .quartile, mask: 5))
        assertModules(
            code,
            """
            fee688af4bf8 82a369141208 ba1a246a52e8 ba76808f5ae8 ba0b8fe2bae8 8267f8818208 feaaaaaaabf8 007908cad800
            43a74fc63418 bde7ac3b2eb0 b354ab747e00 11f74d0992b8 0a0fdfbfe598 f0aee7cf0868 7bee63314f80 389deae64c68
            fab5f6572740 c10421070d68 ff67fc1f5428 c47b1d93a1e8 df927fd71fb8 68fd68bb3880 1a984ad7aaa0 5892288f88e0
            bfb05ff99f88 54c2ea5b4a48 af50bf107500 d85454a5b9a0 a38eeda424c0 709874230468 33ff553992e8 54d2cffa5930
            be649b1304d0 3d477657eef0 0b3f95b04040 78d7865efe78 9b21efbcdfc0 00834892f8b8 fed14ad55ac0 823a18b348a0
            ba052f963fd8 ba1cedce91a0 ba51d9a69ec8 82bb02e48820 fe5060c84650
            """)
    }

    func testEncodingIsDeterministic() {
        XCTAssertEqual(QRCode.encode("Dudao"), QRCode.encode("Dudao"))
        XCTAssertNotEqual(QRCode.encode("Dudao"), QRCode.encode("Dudao", correction: .low))
    }

    // MARK: - Penalty rules

    func testRunPenalty() {
        XCTAssertEqual(QRCode.Penalty.runs(line("11110")), 0)
        XCTAssertEqual(QRCode.Penalty.runs(line("11111")), 3)
        XCTAssertEqual(QRCode.Penalty.runs(line("1111111000001")), 5 + 3)
    }

    func testBlockPenaltyCountsOverlappingSquares() {
        // A 3×3 square of one colour holds four 2×2 squares.
        XCTAssertEqual(QRCode.Penalty.blocks(Array(repeating: true, count: 9), size: 3), 12)
        XCTAssertEqual(QRCode.Penalty.blocks(Array(repeating: false, count: 9), size: 3), 12)
        XCTAssertEqual(QRCode.Penalty.blocks(bits("110110000"), size: 3), 3)
    }

    func testFinderLikePenalty() {
        XCTAssertEqual(QRCode.Penalty.finderLikes(line("1011101")), 40)  // the quiet zone is light on both sides
        XCTAssertEqual(QRCode.Penalty.finderLikes(line("1111" + "1011101" + "1111")), 0)
        XCTAssertEqual(QRCode.Penalty.finderLikes(line("1000" + "1011101" + "0001")), 0)  // three light are not enough
        XCTAssertEqual(QRCode.Penalty.finderLikes(line("110000" + "1011101" + "111")), 40)
        XCTAssertEqual(QRCode.Penalty.finderLikes(line("111" + "1011101" + "0000")), 40)
        // Two patterns sharing modules each count (segno 1.4.1's search skips the second one).
        XCTAssertEqual(QRCode.Penalty.finderLikes(line("0000" + "10111011101" + "0000" + "11")), 80)
    }

    func testBalancePenalty() {
        XCTAssertEqual(QRCode.Penalty.balance(bits("1100")), 0)
        XCTAssertEqual(QRCode.Penalty.balance(bits("11111111111000000000")), 10)  // 55 %
        XCTAssertEqual(QRCode.Penalty.balance(bits("00000000100000000000")), 90)  // 5 %
        XCTAssertEqual(QRCode.Penalty.balance(bits("1111")), 100)
    }

    // MARK: - SVG

    func testSVGEscapesTheLabelAndHasNoScriptOrStyle() throws {
        let code = try XCTUnwrap(QRCode.encode(link))
        let svg = code.svg(label: "Tom & \"Jerry's\" <school>\u{7}")
        XCTAssertTrue(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" "))
        XCTAssertTrue(svg.hasSuffix("</svg>"))
        XCTAssertTrue(svg.contains(#"role="img" aria-label="Tom &amp; &quot;Jerry&apos;s&quot; &lt;school&gt; ""#))
        XCTAssertTrue(svg.contains(#"shape-rendering="crispEdges""#))
        XCTAssertFalse(svg.lowercased().contains("<script"))
        XCTAssertFalse(svg.lowercased().contains("style"))
        XCTAssertEqual(svg.ranges(of: "<path").count, 1)
    }

    func testSVGSizeAndQuietZone() throws {
        let code = try XCTUnwrap(QRCode.encode("Dudao"))
        let svg = code.svg(moduleSize: 3, quietZone: 2, label: "Dudao")
        XCTAssertTrue(svg.contains(#"width="75" height="75" viewBox="0 0 25 25""#))
        XCTAssertTrue(svg.contains(##"<rect width="25" height="25" fill="#fff"/>"##))
        XCTAssertTrue(code.svg(label: "x").contains(#"width="116" height="116" viewBox="0 0 29 29""#))
    }

    func testSVGPathDrawsExactlyTheDarkModules() throws {
        let code = try XCTUnwrap(QRCode.encode(link))
        let svg = code.svg(quietZone: 4, label: "link")
        let quoted = svg.split(separator: "\"", omittingEmptySubsequences: false)
        let path = try XCTUnwrap(quoted.firstIndex { $0.hasSuffix(" d=") }.map { quoted[$0 + 1] })
        var drawn = Set<[Int]>()
        for run in path.split(separator: "M") {
            // "x yhNv1h-Nz"
            let parts = run.split(whereSeparator: { " hvz".contains($0) })
            let (x, y, length) = (Int(parts[0])! - 4, Int(parts[1])! - 4, Int(parts[2])!)
            XCTAssertEqual(parts[3], "1")
            XCTAssertEqual(parts[4], "-\(length)")
            for dx in 0..<length { XCTAssertTrue(drawn.insert([x + dx, y]).inserted) }
        }
        for y in 0..<code.size {
            for x in 0..<code.size { XCTAssertEqual(drawn.contains([x, y]), code.isDark(x, y), "\(x),\(y)") }
        }
    }

    // MARK: - Helpers

    private func bits(_ text: String) -> [Bool] { text.map { $0 == "1" } }

    private func line(_ text: String) -> QRCode.Penalty.Line { QRCode.Penalty.Line(modules: bits(text)) }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    /// Compares every module with reference rows, each row hex digits from the left edge (last digit padded).
    private func assertModules(_ code: QRCode, _ rows: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = rows.split(whereSeparator: { $0 == " " || $0 == "\n" })
        XCTAssertEqual(expected.count, code.size, "rows", file: file, line: line)
        for (y, row) in expected.enumerated() {
            let rowBits = row.flatMap { digit -> [Bool] in
                let value = Int(String(digit), radix: 16)!
                return (0..<4).map { value >> (3 - $0) & 1 == 1 }
            }
            let actual = (0..<code.size).map { code.isDark($0, y) }
            XCTAssertEqual(actual, Array(rowBits.prefix(code.size)), "row \(y)", file: file, line: line)
        }
    }
}
