import Foundation

/// The OData system query options the mock understands, checked against the route.
///
/// `$select` on GET (list and item), `$top`/`$skip` on list GET. Every other `$` option on a GET
/// is refused with 400 rather than silently ignored — a mock that ignores `$filter` would make
/// a filtering test pass for the wrong reason (documented choice; real Graph supports `$filter`
/// and `$orderby` on the list). Writes ignore the query; parameters without `$` are ignored.
struct QueryOptions: Sendable {
    var select: [String]?
    var top: Int?
    var skip: Int?
    /// Server-driven paging cursor (only ever produced by this mock's own nextLink).
    var skipToken: String?

    static func parse(_ pairs: [(name: String, value: String)], route: Route, method: String) throws(GraphError) -> QueryOptions {
        var options = QueryOptions()
        guard method == "GET" else { return options }
        for (name, value) in pairs where name.hasPrefix("$") {
            switch name {
            case "$select":
                options.select = try parseSelect(value)
            case "$top" where route.isCollection:
                options.top = try parseCount(name, value)
            case "$skip" where route.isCollection:
                options.skip = try parseCount(name, value)
            case "$skiptoken" where route.isCollection:
                options.skipToken = value
            default:
                throw .badQuery("Query option '\(name)' is not supported on this resource by the mock.")
            }
        }
        return options
    }

    private static func parseSelect(_ value: String) throws(GraphError) -> [String]? {
        let names = value.split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard !names.contains(where: \.isEmpty) else { throw .badQuery("Syntax error in $select: '\(value)'.") }
        if names.contains("*") { return nil }
        for name in names where PositionSchema.workPosition.property(named: name) == nil {
            throw .badQuery("Could not find a property named '\(name)' on type 'microsoft.graph.workPosition'.")
        }
        return names
    }

    private static func parseCount(_ name: String, _ value: String) throws(GraphError) -> Int {
        guard let count = Int(value), count >= 0 else {
            throw .badQuery("Invalid value '\(value)' for query option '\(name)': expected a non-negative integer.")
        }
        return count
    }
}
