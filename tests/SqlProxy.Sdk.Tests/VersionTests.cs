using System.Reflection;

namespace SqlProxy.Sdk.Tests;

/// <summary>
/// The SDK's assembly version is <c>major.minor.0.0</c> of its package version: a plugin's reference to SqlProxy.Sdk
/// records the version it was built against, which is how the host tells an incompatible plugin before loading it.
/// </summary>
public sealed class VersionTests
{
    [Fact]
    public void The_assembly_version_carries_the_major_and_minor_of_the_package_version()
    {
        var informational = TestFiles.Sdk.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        var package = Version.Parse(informational.Split('+', '-')[0]);

        Assert.Equal(new Version(package.Major, package.Minor, 0, 0), TestFiles.Sdk.GetName().Version);
        Assert.True(package.Major >= 1, $"SqlProxy.Sdk {package} is not a stable version.");
    }
}
