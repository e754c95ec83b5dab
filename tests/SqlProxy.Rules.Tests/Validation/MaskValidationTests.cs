namespace SqlProxy.Rules.Tests.Validation;

/// <summary>Masks name a known masker with arguments it accepts, and labels the classifiers give.</summary>
public class MaskValidationTests
{
    [Theory]
    [InlineData("mask testdb.public.customers.email with partial(keep_last = 4);", "(valid)")]
    [InlineData("mask label 'PII.Email' with email_domain;", "(valid)")]
    [InlineData("mask label 'pii.email' with email_domain;", "(valid)")]
    [InlineData("mask testdb.public.customers.email with parital;",
        "1:41: `parital` is not a masker (help: did you mean `partial`?)")]
    [InlineData("mask testdb.public.customers.email with scramble;",
        "1:41: `scramble` is not a masker (help: the maskers are `broken`, `email_domain` and `partial`)")]
    [InlineData("mask testdb.public.customers.email with partial(keep_last = 'four', keep = 1);",
        "1:49: `keep_last` must be a whole number, not `four` ¶ 1:69: `keep` is not an argument of the `partial` masker")]
    [InlineData("mask testdb.public.customers.email with broken;",
        "1:41: the `broken` masker failed to check its arguments: the plugin is not configured")]
    [InlineData("mask label 'PII.Emial' with email_domain;",
        "1:1: `PII.Emial` is not a classification label (help: did you mean `PII.Email`?)")]
    [InlineData("mask label 'Secret' with email_domain;",
        "1:1: `Secret` is not a classification label (help: the labels are `PII.Email` and `PII.Phone`)")]
    public void Masks_are_checked(string rules, string expected) =>
        Assert.Equal(expected, Validate.Problems(rules));

    [Fact]
    public void Unknown_maskers_and_labels_are_not_checked() =>
        Assert.Equal("(valid)", Validate.Problems("mask label 'x' with y(z = 1);", Validate.Environment with { Maskers = null, Labels = null }));
}
