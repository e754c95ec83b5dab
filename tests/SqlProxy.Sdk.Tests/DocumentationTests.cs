using System.Xml.Linq;

namespace SqlProxy.Sdk.Tests;

/// <summary>
/// Every public type and member of the SDK carries XML documentation, and the documentation ships beside the assembly
/// (and so in the package). The compiler's CS1591 already fails the build without it (warnings are errors); this test
/// keeps that true should the warning ever be silenced.
/// </summary>
public sealed class DocumentationTests
{
    private static readonly XDocument Documentation = XDocument.Load(
        Path.ChangeExtension(TestFiles.Sdk.Location, ".xml"));

    [Fact]
    public void Every_public_member_has_a_summary()
    {
        var documented = Documentation.Descendants("member")
            .Where(member => member.Element("summary") is { } summary && summary.Value.Trim().Length > 0
                || member.Element("inheritdoc") is not null)
            .Select(member => (string)member.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

        var undocumented = DocumentationIds.PublicApiOf(TestFiles.Sdk).Where(id => !documented.Contains(id)).Order().ToArray();

        Assert.True(undocumented.Length == 0, "Undocumented: " + string.Join(", ", undocumented));
    }

    [Fact]
    public void The_public_api_is_found_in_the_documentation()
    {
        // Guards the test above: were the ids computed wrongly, everything would look undocumented, or nothing would be checked.
        var ids = DocumentationIds.PublicApiOf(TestFiles.Sdk).ToArray();

        Assert.Contains("T:SqlProxy.Sdk.IPlugin", ids);
        Assert.Contains("M:SqlProxy.Sdk.IAuditSink.WriteAsync(System.Collections.Generic.IReadOnlyList{SqlProxy.Sdk.AuditRecord},System.Threading.CancellationToken)", ids);
        Assert.Contains("P:SqlProxy.Sdk.PolicyInput.Statement", ids);
        Assert.Contains("F:SqlProxy.Sdk.StatementKind.Select", ids);
        Assert.DoesNotContain(ids, id => id.Contains("Clone") || id.Contains("Deconstruct") || id.Contains("op_"));
    }
}
