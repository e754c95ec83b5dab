using System.Xml.Linq;

namespace SqlProxy.Sdk.Tests;

/// <summary>The SDK depends on nothing but the BCL, so a plugin brings no package the host must share with it.</summary>
public sealed class DependencyTests
{
    [Fact]
    public void The_assembly_references_only_the_base_class_library()
    {
        var others = TestFiles.Sdk.GetReferencedAssemblies()
            .Select(reference => reference.Name!)
            .Where(name => name is not ("System" or "netstandard" or "mscorlib") && !name.StartsWith("System.", StringComparison.Ordinal))
            .ToArray();

        Assert.True(others.Length == 0, "SqlProxy.Sdk references " + string.Join(", ", others));
    }

    [Fact]
    public void The_project_references_no_package_and_no_project()
    {
        var project = XDocument.Load(Path.Combine(TestFiles.RepositoryRoot, "sdk", "SqlProxy.Sdk", "SqlProxy.Sdk.csproj"));

        var references = project.Descendants()
            .Where(element => element.Name.LocalName is "PackageReference" or "ProjectReference" or "Reference" or "FrameworkReference")
            .Select(element => $"{element.Name.LocalName} {element.Attribute("Include")?.Value}")
            .ToArray();

        Assert.Empty(references);
    }
}
