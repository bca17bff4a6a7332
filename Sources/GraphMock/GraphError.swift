/// A failed request as Graph reports it: a status, a machine code, developer text and any extra
/// headers (`WWW-Authenticate`, `Allow`, `Retry-After`).
///
/// Thrown anywhere in the handler and rendered once by `ResponseBuilder`, so every error has the
/// same body shape and headers. Message text lives here, in one place (see `GraphError+Catalogue`).
struct GraphError: Error, Sendable {
    var status: Int
    var code: String
    var message: String
    var headers: [(String, String)] = []
}
