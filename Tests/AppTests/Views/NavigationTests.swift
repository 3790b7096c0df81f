import DudaoCore
import Plot
import XCTest

@testable import App

final class NavigationTests: XCTestCase {
    func testTheKeptMenusMarkTheLinksCurrentOnEachPath() {
        let first = Navigation.menus(.office, "/problems/7").render()

        let again = Navigation.menus(.office, "/problems/12").render()
        let elsewhere = Navigation.menus(.office, "/compliance").render()

        XCTAssertEqual(first, again, "the same link is current on both paths")
        XCTAssertTrue(first.contains(#"<a href="/problems" aria-current="page">问题台账</a>"#))
        XCTAssertTrue(first.contains(#"<details class="navgroup current"><summary>问题与投诉</summary>"#))
        XCTAssertTrue(elsewhere.contains(#"<a href="/compliance" aria-current="page">六个一</a>"#))
        XCTAssertFalse(elsewhere.contains(#"<a href="/problems" aria-current"#))
    }

    func testTheKeptStringIsWhatTheNodesRender() {
        for role in Role.allCases {
            for path in ["/", "/problems/3", "/compliance", "/nowhere"] {
                let kept = Navigation.menus(role, path).render()
                let fromNodes = Navigation.$fromNodes.withValue(true) { Navigation.menus(role, path).render() }

                XCTAssertEqual(kept, fromNodes, "\(role) on \(path)")
            }
        }
    }

    func testEachRoleKeepsItsOwnMenus() {
        let office = Navigation.menus(.office, "/").render()
        let leader = Navigation.menus(.leader, "/").render()
        let school = Navigation.menus(.school, "/").render()

        XCTAssertTrue(office.contains(#"href="/settings""#))
        XCTAssertFalse(leader.contains(#"href="/settings""#), "a leader reads without the office's settings")
        XCTAssertTrue(school.contains("本校问题"))
        XCTAssertFalse(school.contains(#"href="/schools""#))
        XCTAssertEqual(Navigation.currentPaths(Layout.navEntries(.school), "/"), ["/"])
    }

    func testTheHomeIsCurrentOnlyOnTheHome() {
        XCTAssertEqual(Navigation.currentPaths(Layout.navEntries(.inspector), "/visits/3"), ["/visits"])
        XCTAssertEqual(Navigation.currentPaths(Layout.navEntries(.inspector), "/nowhere"), [])
    }
}
