using SqlProxy.Sdk;

namespace SqlProxy.Plugins.Tests.Classifiers;

public sealed class PiiClassifierNameTests
{
    [Theory]
    [InlineData("email", "PII.Email")]
    [InlineData("e_mail", "PII.Email")]
    [InlineData("EmailAddress", "PII.Email")]
    [InlineData("email_address", "PII.Email")]
    [InlineData("contact_email", "PII.Email")]
    [InlineData("work_email2", "PII.Email")]
    [InlineData("phone", "PII.Phone")]
    [InlineData("phone_number", "PII.Phone")]
    [InlineData("mobile", "PII.Phone")]
    [InlineData("mobile_no", "PII.Phone")]
    [InlineData("tel", "PII.Phone")]
    [InlineData("homePhone", "PII.Phone")]
    [InlineData("ssn", "PII.SSN")]
    [InlineData("SSNNumber", "PII.SSN")]
    [InlineData("social_security_number", "PII.SSN")]
    [InlineData("credit_card", "PII.CreditCard")]
    [InlineData("credit_card_number", "PII.CreditCard")]
    [InlineData("card_number", "PII.CreditCard")]
    [InlineData("cc_num", "PII.CreditCard")]
    [InlineData("first_name", "PII.Name")]
    [InlineData("lastName", "PII.Name")]
    [InlineData("surname", "PII.Name")]
    [InlineData("customer_name", "PII.Name")]
    [InlineData("address", "PII.Address")]
    [InlineData("billing_address", "PII.Address")]
    [InlineData("address_line_1", "PII.Address")]
    [InlineData("street", "PII.Address")]
    [InlineData("date_of_birth", "PII.BirthDate")]
    [InlineData("dob", "PII.BirthDate")]
    [InlineData("birthDate", "PII.BirthDate")]
    public void A_column_named_for_personal_data_is_labelled_by_name(string name, string label)
    {
        Assert.Equal([$"{label}:name"], Classify.Column(name));
    }

    [Theory]
    [InlineData("telemetry")]
    [InlineData("hotel")]
    [InlineData("zip_code")]
    [InlineData("order_number")]
    [InlineData("email_verified")]
    [InlineData("email_count")]
    [InlineData("phone_type")]
    [InlineData("ip_address")]
    [InlineData("mac_address")]
    [InlineData("product_name")]
    [InlineData("street_name")]
    [InlineData("name")]
    [InlineData("username")]
    [InlineData("card_type")]
    [InlineData("amount")]
    [InlineData("created_at")]
    [InlineData("")]
    public void A_column_whose_name_only_resembles_personal_data_is_not_labelled(string name)
    {
        Assert.Empty(Classify.Column(name));
    }

    [Fact]
    public void A_boolean_column_is_not_labelled_by_name()
    {
        Assert.Empty(Classify.Column("mobile", "boolean", []));
    }

    [Fact]
    public void An_expression_over_a_personal_column_is_labelled_by_provenance()
    {
        Assert.Equal(["PII.Email:provenance"], Classify.Column("contact", "text", [Classify.Source("customers", "email")]));
    }

    [Fact]
    public void A_bare_name_column_is_a_person_name_only_in_a_relation_of_people()
    {
        Assert.Equal(["PII.Name:provenance"], Classify.Column("name", "text", [Classify.Source("customers", "name")]));
        Assert.Empty(Classify.Column("name", "text", [Classify.Source("products", "name")]));
    }

    [Fact]
    public void A_number_derived_from_a_personal_column_is_not_personal()
    {
        Assert.Empty(Classify.Column("count", "bigint", [Classify.Source("customers", "email")]));
        Assert.Empty(Classify.Column("length", "integer", [Classify.Source("customers", "phone")]));
    }

    [Fact]
    public void A_name_is_stronger_evidence_than_provenance()
    {
        Assert.Equal(["PII.Email:name"], Classify.Column("email", "text", [Classify.Source("customers", "email")]));
    }

    [Fact]
    public void Each_label_is_reported_once_per_column_even_with_several_sources()
    {
        var sources = new[] { Classify.Source("customers", "email"), Classify.Source("contacts", "work_email"), Classify.Source("customers", "phone") };
        Assert.Equal(["PII.Email:provenance", "PII.Phone:provenance"], Classify.Column("contact", "text", sources));
    }

    [Fact]
    public void Every_column_of_a_result_is_classified_at_its_own_index()
    {
        var sample = new ResultSample(
            [
                new ResultColumn("id", "integer", []),
                new ResultColumn("email", "text", []),
                new ResultColumn("total", "numeric", []),
                new ResultColumn("phone", "text", []),
            ],
            []);

        var found = Classify.Run(sample);

        Assert.Equal([(1, "PII.Email"), (3, "PII.Phone")], found.Select(c => (c.ColumnIndex, c.Label)));
    }
}
