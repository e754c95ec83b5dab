using NationalId;
using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.Sample;

/// <summary>The sample plugin's classifier: values, then names, then provenance.</summary>
public sealed class NationalIdClassifierTests
{
    private static readonly NationalIdClassifier Classifier = new();

    [Fact]
    public void Declares_its_one_label()
    {
        Assert.Equal([NationalIdLabels.NationalId], Classifier.Labels);
    }

    [Fact]
    public async Task Labels_a_column_whose_sampled_values_pass_the_11_proof()
    {
        var found = await ClassifyAsync(Column("ref", "text"), "111222333", "123456782", null, 999999990L, "12345672");

        Assert.Equal([new ColumnClassification(0, NationalIdLabels.NationalId, "values")], found);
    }

    [Fact]
    public async Task Needs_most_values_to_pass()
    {
        // One in eleven random 9-digit numbers passes: 3 of 5 is not enough.
        Assert.Empty(await ClassifyAsync(Column("ref", "text"), "111222333", "123456782", "999999990", "123456789", "111111111"));
    }

    [Fact]
    public async Task Needs_more_than_a_couple_of_values()
    {
        Assert.Empty(await ClassifyAsync(Column("ref", "text"), "111222333", "123456782"));
    }

    [Theory]
    [InlineData("bsn")]
    [InlineData("BSN")]
    [InlineData("customer_bsn")]
    [InlineData("national_id")]
    [InlineData("NationalId")]
    [InlineData("burgerservicenummer")]
    public async Task Labels_a_column_by_its_name(string name)
    {
        var found = await ClassifyAsync(Column(name, "text"));

        Assert.Equal([new ColumnClassification(0, NationalIdLabels.NationalId, "name")], found);
    }

    [Theory]
    [InlineData("absent")]
    [InlineData("id")]
    [InlineData("nation")]
    public async Task Leaves_other_names_alone(string name)
    {
        Assert.Empty(await ClassifyAsync(Column(name, "text")));
    }

    [Fact]
    public async Task Labels_a_column_derived_from_one_named_like_a_national_id()
    {
        var source = new QualifiedColumn(new RelationName("shop", "public", "customers"), "bsn");
        var found = await ClassifyAsync(new ResultColumn("right(bsn, 3)", "text", [source]));

        Assert.Equal([new ColumnClassification(0, NationalIdLabels.NationalId, "provenance")], found);
    }

    private static ResultColumn Column(string name, string type) => new(name, type, []);

    private static async Task<IReadOnlyList<ColumnClassification>> ClassifyAsync(ResultColumn column, params object?[] values) =>
        await Classifier.ClassifyAsync(new ResultSample([column], values.Select(value => (IReadOnlyList<object?>)[value]).ToArray()), CancellationToken.None);
}
