import DudaoCore
import Foundation
import Spreadsheet
import Vapor

/// The formats every list and table exports to.
enum ExportFormat: String, Sendable, CaseIterable, Codable {
    case xlsx, csv

    var buttonLabel: String { self == .xlsx ? "导出 Excel" : "导出 CSV" }

    var contentType: String {
        switch self {
        case .xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case .csv: "text/csv; charset=utf-8"
        }
    }

    /// The format named by a route's file extension ("export.csv").
    init(request req: Request) {
        self = req.url.path.hasSuffix(".csv") ? .csv : .xlsx
    }
}

/// The lists and tables exported through `SiteURL.listExport`, by the address of their page.
enum ExportedList: String, Sendable, CaseIterable {
    case visits, problems, notices, complaints, compliance, dashboard, accountability, audit, escalations, areas
    case campaigns, bulletins, monitoring, coverage, accounts, notifications, reports
    case monthlyReports = "monthly-reports"
    case visitPlans = "visit-plans"
    case areaPlans = "plans"
    case balanceReturns = "balance/returns"
    case preschool = "balance/preschool"
    case complianceMine = "compliance/mine"
}

/// One page of a streamed export: its rows, and where the next page starts (nil after the last).
struct ExportPage: Sendable {
    var rows: [[String]]
    var next: Int?

    /// Rows read `limit` at a time by a key: the key of the last row continues when the page was full.
    init(rows: [[String]], lastKey: Int?, limit: Int) {
        self.rows = rows
        self.next = rows.count == limit ? lastKey : nil
    }

    /// A page of a list read by page number: the next number while pages are full and numbers remain.
    init(rows: [[String]], page: Int, per: Int) {
        self.rows = rows
        self.next = rows.count == per && page < InputBounds.Page.range.upperBound ? page + 1 : nil
    }
}

/// Files sent to the browser as downloads, named in Chinese (RFC 5987).
enum Download {
    /// Rows read at a time by a streamed export: small enough for flat memory, big enough for few queries.
    static let pageSize = 1000

    static func file(_ data: Data, type: String, fileName: String) -> Response {
        Response(status: .ok, headers: headers(type: type, fileName: fileName), body: .init(data: data))
    }

    /// A table already in memory (a page's figures), as .xlsx or CSV.
    static func table(_ table: SpreadsheetTable, name: String, format: ExportFormat, sheet: String? = nil) throws
        -> Response
    {
        switch format {
        case .xlsx:
            file(try XLSX.write(table, sheetName: sheet ?? name), type: format.contentType, fileName: name + ".xlsx")
        case .csv:
            file(CSV.encode(table), type: format.contentType, fileName: name + ".csv")
        }
    }

    /// A list of any length, read page by page while it is sent: memory stays flat and no row is left out.
    ///
    /// `page` gets nil for the first page and then each page's `next`. A database error after the first
    /// bytes breaks the connection, so the browser reports a failed download instead of keeping a short file.
    static func stream(
        name: String, format: ExportFormat, headers header: [String],
        page: @escaping @Sendable (_ after: Int?) async throws -> ExportPage
    ) -> Response {
        let body = Response.Body(managedAsyncStream: { writer in
            var xlsx = format == .xlsx ? XLSXStream(sheetName: name) : nil
            var after: Int?
            var first = true
            repeat {
                let next = try await page(after)
                let rows = first ? [header] + next.rows : next.rows
                let bytes =
                    if xlsx != nil { try xlsx!.append(rows) } else { CSV.encode(rows: rows, bom: first) }
                if !bytes.isEmpty { try await writer.writeBuffer(ByteBuffer(data: bytes)) }
                first = false
                after = next.next
            } while after != nil
            if xlsx != nil { try await writer.writeBuffer(ByteBuffer(data: try xlsx!.finish())) }
        })
        let ext = format == .xlsx ? ".xlsx" : ".csv"
        return Response(status: .ok, headers: headers(type: format.contentType, fileName: name + ext), body: body)
    }

    private static func headers(type: String, fileName: String) -> HTTPHeaders {
        var headers = HTTPHeaders()
        headers.replaceOrAdd(name: .contentType, value: type)
        let encoded = fileName.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "export"
        headers.replaceOrAdd(
            name: .contentDisposition, value: "attachment; filename=\"export\"; filename*=UTF-8''\(encoded)")
        return headers
    }
}
