import XCTest

@testable import DudaoCore

final class PhotoSubjectTests: XCTestCase {
    func testFormValuesRoundTrip() {
        for subject in [PhotoSubject.visit, .problem(12), .observation(7)] {
            XCTAssertEqual(PhotoSubject(formValue: subject.formValue), subject)
        }
    }

    func testValuesNoFormOffersAreRefused() {
        for bad in [
            "problem", "problem:", "problem:0", "problem:-3", "problem:x", "notice:5", "problem:1:2", ":5",
            "problem:９", "problem:99999999999999999999999",
        ] {
            XCTAssertNil(PhotoSubject(formValue: bad), bad)
        }
    }

    func testAStoredPhotoIsAboutItsProblemBeforeItsObservation() {
        XCTAssertEqual(PhotoSubject(problemID: 3, observationID: nil), .problem(3))
        XCTAssertEqual(PhotoSubject(problemID: nil, observationID: 4), .observation(4))
        XCTAssertEqual(PhotoSubject(problemID: nil, observationID: nil), .visit)
        XCTAssertEqual(PhotoSubject.problem(3).problemID, 3)
        XCTAssertNil(PhotoSubject.problem(3).observationID)
    }
}
