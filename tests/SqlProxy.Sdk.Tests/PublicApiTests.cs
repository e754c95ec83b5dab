using PublicApiGenerator;

namespace SqlProxy.Sdk.Tests;

/// <summary>
/// The SDK's public API is pinned by <c>PublicApi.approved.txt</c>, so that any change to the plugin contract is a
/// visible diff in review. A removal or an incompatible change is a new major version of the SDK.
/// </summary>
public sealed class PublicApiTests
{
    private static string Approved => Path.Combine(TestFiles.ProjectDirectory, "PublicApi.approved.txt");
    private static string Received => Path.Combine(TestFiles.ProjectDirectory, "PublicApi.received.txt");

    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var actual = Normalize(TestFiles.Sdk.GeneratePublicApi());
        var approved = File.Exists(Approved) ? Normalize(File.ReadAllText(Approved)) : "";
        if (actual == approved)
        {
            File.Delete(Received);
            return;
        }

        File.WriteAllText(Received, actual);
        Assert.Fail(
            $"The public API of SqlProxy.Sdk differs from {Approved}:\n{LineDiff.Describe(approved, actual)}\n" +
            $"If the change is intended, copy {Received} over the approved file and set the SDK's version " +
            "(sdk/SqlProxy.Sdk/SqlProxy.Sdk.csproj): a new major for a removal, a change, or a member added to an interface " +
            "(every plugin implementing it breaks); a new minor for any other addition.");
    }

    private static string Normalize(string text) => text.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
