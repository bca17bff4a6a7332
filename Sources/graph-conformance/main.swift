print("graph-conformance")
