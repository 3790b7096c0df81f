import DudaoCore
import Plot
import XCTest

@testable import App

final class FrameTemplateTests: XCTestCase {
    func testTheKeptFrameWritesThePageRenderedWholeForEveryKindOfPage() {
        let contexts: [PageContext] =
            [PageContext.fixture(nil)] + Role.allCases.map { PageContext.fixture($0, path: "/problems/3") } + [
                .fixture(.office, path: "/compliance", flash: #"已保存 <b>"甲" & '乙'</b> &amp;"#, unread: 12),
                .fixture(.inspector, path: "/visits", flash: "", unread: 1),
                .fixture(.school, path: "/nowhere", flash: "已提交"),
            ]
        let content: [Node<Plot.HTML.BodyContext>] = [
            .badge("问题台账 <script>alert(1)</script>"), .link("/problems?state=all&severity=serious", "甲 & 乙"),
            .statCard("整改中", "12", href: "/problems"), .empty,
        ]
        for ctx in contexts {
            for (wide, printable) in [(false, false), (true, false), (false, true), (true, true)] {
                var hostile = ctx
                hostile.csrf = #"a"b<c>&d"#

                let page = Layout.document(#"学校 <"&'> 名录"#, hostile, wide: wide, printable: printable, content)

                XCTAssertEqual(
                    page.render(), page.html.render(),
                    "\(ctx.principal?.role.rawValue ?? "public") \(ctx.path) wide \(wide) printable \(printable)")
            }
        }
    }

    func testAPageWithNoContentIsStillWhole() {
        let page = Layout.document("空", .fixture(.leader), [])

        XCTAssertEqual(page.render(), page.html.render())
    }

    func testTheFrameIsCutAtEachOfItsValuesOnceAndInOrder() {
        let signedIn = FrameTemplate.pieces(signedIn: true, wide: true, printable: false).compactMap(\.slot)
        let publicPage = FrameTemplate.pieces(signedIn: false, wide: false, printable: true).compactMap(\.slot)

        XCTAssertEqual(signedIn, [.title, .menus, .unread, .who, .csrf, .flash, .content])
        XCTAssertEqual(publicPage, [.title, .flash, .content])
    }

    func testCuttingKeepsTheTextAroundAMarkerAndLeavesAnUnknownOneAsText() {
        let frame = "<p>" + FrameTemplate.marker(.title) + "</p>\u{E000}nothing\u{E001}"

        let pieces = FrameTemplate.cut(frame)

        XCTAssertEqual(
            pieces,
            [
                FrameTemplate.Piece(literal: "<p>", slot: .title),
                FrameTemplate.Piece(literal: "</p>\u{E000}nothing\u{E001}", slot: nil),
            ])
    }
}
