using SqlProxy.Host.Plugins;

namespace SqlProxy.Host.Tests.Plugins;

/// <summary>The SDK version rule: same major, minor not newer than the host's.</summary>
public sealed class SdkCompatibilityTests
{
    [Theory]
    [InlineData("1.0.0.0", "1.0.0.0")]
    [InlineData("1.0.0.0", "1.3.0.0")]
    [InlineData("1.3.0.0", "1.3.0.0")]
    public void A_plugin_of_the_same_major_and_an_older_or_equal_minor_loads(string plugin, string host) =>
        Assert.Null(SdkCompatibility.Refusal(Version.Parse(plugin), Version.Parse(host)));

    [Theory]
    [InlineData("2.0.0.0", "1.0.0.0", "it is built against SqlProxy.Sdk 2.0 but this host has SqlProxy.Sdk 1.0, and a plugin needs SqlProxy.Sdk 1.x no newer than 1.0")]
    [InlineData("0.9.0.0", "1.0.0.0", "it is built against SqlProxy.Sdk 0.9 but this host has SqlProxy.Sdk 1.0, and a plugin needs SqlProxy.Sdk 1.x no newer than 1.0")]
    [InlineData("1.4.0.0", "1.3.0.0", "it is built against SqlProxy.Sdk 1.4 but this host has SqlProxy.Sdk 1.3, and a plugin needs SqlProxy.Sdk 1.x no newer than 1.3")]
    public void Another_major_or_a_newer_minor_is_refused_naming_both_versions(string plugin, string host, string reason) =>
        Assert.Equal(reason, SdkCompatibility.Refusal(Version.Parse(plugin), Version.Parse(host)));

    [Fact]
    public void The_host_version_is_the_SDK_assembly_version() =>
        Assert.Equal(new Version(1, 2, 0, 0), SdkCompatibility.HostVersion);
}
