using UsmpCare.Domain.Patients;
using UsmpCare.Domain.Records;

namespace UsmpCare.Domain.Tests.Records;

public sealed class PatientAndCatalogueTests
{
    [Theory]
    [InlineData("2008-11-24", true)]
    [InlineData("2008-11-23", false)]
    [InlineData("2008-11-22", false)]
    [InlineData("2009-11-24", true)]
    public void Minor_is_derived_from_the_birth_date(string birth, bool minor)
    {
        // P36: the day of the 18th birthday ends minority.
        var patient = new Patient(Guid.NewGuid(), "1", "Nom", "Prénom", DateOnly.Parse(birth), Sex.Male, new DateOnly(2026, 1, 1));

        patient.IsMinorOn(new DateOnly(2026, 11, 23)).Should().Be(minor);
    }

    [Fact]
    public void Vulnerability_needs_a_reason()
    {
        var patient = new Patient(Guid.NewGuid(), "1", "Nom", "Prénom", new DateOnly(1980, 1, 1), Sex.Male, new DateOnly(2026, 1, 1));

        patient.Invoking(p => p.SetVulnerability(true, " ")).Should().Throw<DomainException>();
        patient.SetVulnerability(true, "Grand âge");
        patient.VulnerabilityReason.Should().Be("Grand âge");
    }

    [Theory]
    [InlineData("J45.9", "J45.9")]
    [InlineData("j459", "J45.9")]
    [InlineData("I10 — Hypertension essentielle (primitive)", "I10")]
    public void Cim10_codes_are_found_however_they_are_typed(string typed, string code)
    {
        Cim10.Find(typed)!.Code.Should().Be(code);
    }

    [Fact]
    public void The_cim10_catalogue_is_loaded_and_rejects_unknown_codes()
    {
        Cim10.All.Should().HaveCountGreaterThan(400);
        Cim10.Find("ZZ9").Should().BeNull();
        Cim10.Find("F32.1")!.Label.Should().Contain("dépressif");
    }
}
