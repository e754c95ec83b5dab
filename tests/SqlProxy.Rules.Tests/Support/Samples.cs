namespace SqlProxy.Rules.Tests.Support;

/// <summary>Finds the checked-in files under <c>samples/</c> from the test's output folder.</summary>
static class Samples
{
    public static string RepositoryRoot
    {
        get
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            {
                if (Directory.Exists(System.IO.Path.Combine(directory.FullName, "samples", "rules")))
                    return directory.FullName;
            }
            throw new DirectoryNotFoundException("samples/rules not found above " + AppContext.BaseDirectory);
        }
    }

    public static RuleSet DemoPolicy()
    {
        var root = RepositoryRoot;
        return RulesCompiler.Compile(RuleSources.Read([System.IO.Path.Combine(root, "samples", "rules")], root));
    }
}
