import DudaoCore
import SnapshotTesting
import XCTest

@testable import App

final class DirectoryImportViewTests: XCTestCase {
    func testBeforeAnyUploadThePageShowsTheFormsAndExports() {
        let view = DirectoryImportView(ctx: .fixture(.office, path: "/import"), model: DirectoryImport(outcome: nil))

        assertSnapshot(of: view.document(), as: .html)
    }

    func testBadRowsAreListedEachWithItsProblems() {
        let outcome = DirectoryImport.Outcome(
            kind: .schools, fileName: "学校.csv",
            rowErrors: [
                ImportRowError(row: 3, messages: ["学校标识码应为10位数字"]),
                ImportRowError(row: 4, messages: ["学校类型“大学”无法识别", "所属镇街“松岭镇”不在本区，可选：城关街道、临江镇"]),
            ])

        let view = DirectoryImportView(
            ctx: .fixture(.office, path: "/import/schools"), model: DirectoryImport(outcome: outcome))

        assertSnapshot(of: view.document(), as: .html)
    }

    func testARefusedFileAndASuccessEachSayWhatHappened() {
        let refused = DirectoryImport.Outcome(
            kind: .inspectors, fileName: "督学.xlsx", fileError: "文件不是有效的 Excel (.xlsx) 文件")
        let done = DirectoryImport.Outcome(kind: .inspectors, fileName: "督学.xlsx", created: 2, updated: 1, unchanged: 3)

        let refusedHTML = DirectoryImportView(ctx: .fixture(.office), model: DirectoryImport(outcome: refused)).render()
            .html
        let doneHTML = DirectoryImportView(ctx: .fixture(.office), model: DirectoryImport(outcome: done)).render().html

        XCTAssertTrue(refusedHTML.contains("导入督学失败（督学.xlsx）：文件不是有效的 Excel (.xlsx) 文件 未保存任何数据。"))
        XCTAssertTrue(refused.failed)
        XCTAssertTrue(doneHTML.contains("导入督学完成：新建 2 条，更新 1 条，无变化 3 条。"))
        XCTAssertFalse(done.failed)
    }
}
