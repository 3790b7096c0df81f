import DudaoCore
import Foundation
import Plot
import SnapshotTesting
import XCTest

@testable import App

/// The frame of a page as one account sees it, for view snapshots: fixed token, path and day.
extension PageContext {
    static func fixture(_ role: Role?, path: String = "/", flash: String? = nil, unread: Int = 0) -> PageContext {
        let principal = role.map {
            Principal(
                userID: 7, username: "office", displayName: $0 == .inspector ? "王建华" : "督导室 陈立新", role: $0,
                orgPath: "/1/2/",
                orgUnitID: 2, schoolID: $0 == .school ? 1 : nil, inspectorID: $0 == .inspector ? 1 : nil,
                mustChangePassword: false)
        }
        return PageContext(
            principal: principal, csrf: "csrf-token", path: path, flash: flash, demo: false, unread: unread,
            today: Day(year: 2026, month: 11, day: 16)!)
    }
}

/// A fixed moment for rows that show a time.
let fixtureTime = Day(year: 2026, month: 11, day: 12)!.date(hour: 10)

extension Snapshotting where Value == Plot.HTML, Format == String {
    /// A page as indented HTML, so that a change in a view is a readable text diff in review (the header's menus
    /// too, rendered from their nodes rather than written as kept).
    static var html: Snapshotting {
        Snapshotting<String, String>.lines.pullback { page in
            Navigation.$fromNodes.withValue(true) { page.render(indentedBy: .spaces(2)) }
        }
    }
}

extension Snapshotting where Value == FramedDocument, Format == String {
    /// A framed page as indented HTML (as above). Every snapshot also checks that the page a request gets, written
    /// through the kept frame, is byte for byte the document rendered whole.
    static var html: Snapshotting {
        Snapshotting<Plot.HTML, String>.html.pullback { (page: FramedDocument) in
            XCTAssertEqual(page.render(), page.html.render(), "the kept frame writes the page rendered whole")
            return page.html
        }
    }
}
