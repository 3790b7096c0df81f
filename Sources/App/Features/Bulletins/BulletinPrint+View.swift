import DudaoCore
import Foundation
import Plot
import Spreadsheet

/// The official A4 layout of a bulletin: the red title block with 第N期, issuing office and date, the sections,
/// and the 报/送/发 lines at the foot. The .docx export is the same document.
struct BulletinPrintView {
    let ctx: PageContext
    let model: BulletinPage
    let district: String
    /// Where "返回" leads: the bulletin's page, or the public page for a visitor.
    var back: String? = nil

    func render() -> Page { Page(document()) }

    var dateText: String { (model.publishedOn ?? model.approvedOn).map { Format.day($0) } ?? "（未印发）" }

    func document() -> FramedDocument {
        let m = model
        return Layout.document(
            m.title, ctx, printable: true,
            [
                .div(
                    .class("no-print actions"),
                    .button(.type(.button), .class("btn primary"), .data(named: "print", value: "1"), .text("打印")),
                    .link(back ?? SiteURL.bulletin(m.id).path, "返回")),
                .article(
                    .class("bulletin-doc"),
                    .p(.class("masthead"), .text("督导简报")),
                    .p(.class("doc-number"), .text(m.state == .draft ? "（草稿）" : m.issue)),
                    .div(.class("doc-issuer"), .span(.text(m.officeName)), .span(.text(dateText))),
                    .hr(.class("red-rule")),
                    .h1(.text(m.title)),
                    .forEach(m.sections) { BulletinSectionView.read($0) },
                    .div(
                        .class("doc-foot"),
                        .forEach(BulletinFoot.lines(district: district)) { .p(.text("\($0.0)：\($0.1)")) },
                        .p(.class("doc-foot-last"), .text("\(m.officeName)　　\(dateText)印发")))),
            ])
    }

    /// The same document as Word blocks.
    var wordBlocks: [WordDocument.Block] {
        let m = model
        var blocks: [WordDocument.Block] = [
            .paragraph("督导简报", .masthead), .paragraph(m.state == .draft ? "（草稿）" : m.issue, .subtitle),
            .paragraph("\(m.officeName)　　　　\(dateText)", .subtitle), .rule(red: true), .paragraph(m.title, .title),
        ]
        for s in m.sections {
            blocks.append(.paragraph(s.heading, .heading))
            blocks.append(.paragraph(s.text, .body))
            if s.table.count > 1 { blocks.append(.table(s.table)) }
        }
        blocks.append(.rule(red: false))
        for (k, line) in BulletinFoot.lines(district: district) { blocks.append(.paragraph("\(k)：\(line)", .small)) }
        blocks.append(.rule(red: false))
        blocks.append(.paragraph("\(m.officeName)　　\(dateText)印发", .small))
        return blocks
    }
}
