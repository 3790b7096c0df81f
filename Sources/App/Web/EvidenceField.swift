import Plot

extension Node where Context: HTML.BodyContext {
    /// The evidence files of a report or a 申辩: images or PDFs (`EvidenceUpload` checks them on the server).
    static func evidenceField(_ label: String, error: String?) -> Node {
        .div(
            .class(error == nil ? "field" : "field has-error"),
            .label(.for("files"), .text(label)),
            .input(
                .type(.file), .id("files"), .name("files[]"), .multiple(true),
                .attribute(named: "accept", value: "image/*,application/pdf")),
            .errorText("f-files", error))
    }
}
