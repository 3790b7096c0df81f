import Plot

extension Node where Context: HTML.BodyContext {
    /// The evidence files of a report or a 申辩: photos, PDFs, Word, Excel or ZIPs of these (`EvidenceUpload` checks
    /// them on the server).
    static func evidenceField(_ label: String, error: String?) -> Node {
        .div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.for("files"), .text(label)),
            .input(
                .type(.file), .id("files"), .name("files[]"), .multiple(true),
                .attribute(named: "accept", value: EvidenceKind.acceptAttribute)),
            .errorText("f-files", error))
    }
}
