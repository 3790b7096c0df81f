import XCTest
import XCTVapor
final class PlaceholderAppTests: XCTestCase { func testNothing() {} }
