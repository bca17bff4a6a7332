@testable import JSONShape
import Testing

struct CSDLReaderTests {
    struct Malformed: NamedRow {
        var name: String
        var xml: String
        var line: Int
        var message: String
    }

    @Test(arguments: [
        Malformed(name: "mismatched end tag", xml: "<a>\n<b>\n</a>", line: 3,
                  message: "malformed XML: end tag </a> does not match <b> opened at line 2"),
        Malformed(name: "unclosed root", xml: "<?xml version=\"1.0\"?>\n<a>\n  <b/>\n", line: 4,
                  message: "malformed XML: unexpected end of input: <a> is not closed"),
        Malformed(name: "unterminated comment", xml: "<a>\n<!-- x\n", line: 2, message: "malformed XML: unterminated comment"),
        Malformed(name: "unknown entity", xml: "<a>\n  <b x=\"&nbsp;\"/>\n</a>", line: 2, message: "malformed XML: unknown entity '&nbsp;'"),
        Malformed(name: "duplicate attribute", xml: "<a\n  x=\"1\"\n  x=\"2\"/>", line: 3,
                  message: "malformed XML: duplicate attribute 'x' in <a>"),
        Malformed(name: "unquoted attribute", xml: "<a x=1/>", line: 1, message: "malformed XML: expected a quoted attribute value"),
        Malformed(name: "less-than in attribute", xml: "<a x=\"<\"/>", line: 1,
                  message: "malformed XML: '<' is not allowed in an attribute value"),
        Malformed(name: "two roots", xml: "<a/>\n<b/>", line: 2,
                  message: "malformed XML: a second root element; an XML document has exactly one"),
        Malformed(name: "text outside root", xml: "<a/>\nhello", line: 2, message: "malformed XML: text outside the root element"),
        Malformed(name: "end of input in tag", xml: "<a\n  x=\"1\"", line: 2, message: "malformed XML: unexpected end of input in start tag <a>"),
        Malformed(name: "DOCTYPE refused", xml: "<!DOCTYPE a>\n<a/>", line: 1,
                  message: "malformed XML: DOCTYPE and other declarations are not supported"),
        Malformed(name: "empty document", xml: "  \n", line: 2, message: "malformed XML: no root element"),
        Malformed(name: "attributes need whitespace", xml: "<a x=\"1\"y=\"2\"/>", line: 1,
                  message: "malformed XML: expected whitespace, '>' or '/>' in <a>"),
        Malformed(name: "CSDL: property without Type",
                  xml: "<Schema Namespace=\"n\">\n<ComplexType Name=\"c\">\n<Property Name=\"p\"/>\n</ComplexType>\n</Schema>", line: 3,
                  message: "<Property> needs a Type attribute"),
        Malformed(name: "CSDL: bad Nullable",
                  xml: "<Schema Namespace=\"n\">\n<ComplexType Name=\"c\">\n<Property Name=\"p\" Type=\"Edm.String\" Nullable=\"no\"/>\n</ComplexType>\n</Schema>",
                  line: 3, message: "Nullable=\"no\" on <Property> must be \"true\" or \"false\""),
        Malformed(name: "CSDL: no schema", xml: "<edmx:Edmx>\n</edmx:Edmx>", line: 1, message: "no <Schema> element in CSDL document"),
        Malformed(name: "CSDL: type declared twice",
                  xml: "<Schema Namespace=\"n\">\n<ComplexType Name=\"c\"/>\n<EnumType Name=\"c\"/>\n</Schema>", line: 3,
                  message: "type n.c is declared twice"),
    ])
    func malformed(_ row: Malformed) {
        do {
            _ = try ShapeRegistry.loadingCSDL(row.xml, file: "bad.xml")
            Issue.record("accepted \(row.name)")
        } catch {
            #expect(error.message == row.message)
            #expect(error.location?.file == "bad.xml")
            #expect(error.location?.line == row.line)
        }
    }

    @Test func readerHandlesDeclarationCommentsEntitiesAndCDATA() throws {
        let xml = """
            \u{FEFF}<?xml version="1.0" encoding="utf-8"?>
            <!-- leading comment -->
            <root a="&lt;&gt;&amp;&quot;&apos;" b='single "quoted"' c="&#65;&#x42;">
              <!-- inner -- comment -->
              <empty/>
              <text>x &amp; y<![CDATA[ <raw> ]]></text>
              <é:ns attr = "v" />
            </root>
            """
        let root = try XMLReader.parse(xml, file: "ok.xml")
        #expect(root.name == "root")
        #expect(root["a"] == "<>&\"'")
        #expect(root["b"] == "single \"quoted\"")
        #expect(root["c"] == "AB")
        #expect(root.children.map(\.name) == ["empty", "text", "é:ns"])
        #expect(root.children[1].text == "x & y <raw> ")
        #expect(root.children[2].localName == "ns")
        #expect(root.children[2]["attr"] == "v")
        #expect(root.children.map(\.line) == [5, 6, 7])
        #expect(root.line == 3 && root.column == 1)
    }

    @Test func aliasAndCollectionsResolve() throws {
        let xml = """
            <Schema Namespace="microsoft.graph" Alias="graph">
              <ComplexType Name="box" OpenType="false">
                <Property Name="items" Type="Collection(graph.thing)" Nullable="false"/>
                <Property Name="one" Type="microsoft.graph.thing"/>
                <Property Name="missing" Type="graph.nothing"/>
              </ComplexType>
              <ComplexType Name="thing"><Property Name="n" Type="Edm.Int32"/></ComplexType>
              <EntityType Name="orphan" BaseType="graph.ghost"/>
            </Schema>
            """
        let registry = try ShapeRegistry.loadingCSDL(xml, file: "mini.xml")
        #expect(registry.shapeNames == ["microsoft.graph.box", "microsoft.graph.orphan", "microsoft.graph.thing"])
        let mismatches = registry.validate(Support.json(#"{"items":[{"n":1},null,{"n":"2"}],"one":{"n":1.5}}"#), against: "microsoft.graph.box")
        #expect(mismatches.map(\.description) == [
            "/items/1: expected microsoft.graph.thing (non-nullable), got null",
            #"/items/2/n: expected Edm.Int32 (integer literal -2147483648…2147483647), got "2""#,
            "/one/n: expected Edm.Int32 (integer literal -2147483648…2147483647), got 1.5 (not an integer literal)",
        ])
        #expect(registry.unresolvedReferences().map { "\($0.shape) \($0.reference) \($0.location?.description ?? "-")" } == [
            "microsoft.graph.box graph.nothing mini.xml:5:5",
            "microsoft.graph.orphan graph.ghost mini.xml:8:3",
        ])
    }

    @Test func contractLoadsWithInheritance() {
        let registry = Support.contract
        // workPosition ← itemFacet ← entity: inherited members are declared, so no extras.
        let body = Support.json(#"{"id":"1","allowedAudiences":"me","createdBy":null,"isCurrent":true,"sources":[{"sourceId":"s"}]}"#)
        #expect(registry.validate(body, against: "microsoft.graph.workPosition", policy: ShapePolicy(extraProperties: .reject)).isEmpty)
        // A complex type is not keyed: no id required.
        #expect(registry.validate([:], against: "microsoft.graph.positionDetail").isEmpty)
    }
}
