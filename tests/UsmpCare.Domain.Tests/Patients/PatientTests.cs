using UsmpCare.Domain.Patients;

namespace UsmpCare.Domain.Tests.Patients;

public sealed class PatientTests
{
    private static Patient Born(DateOnly birth) =>
        new(Guid.NewGuid(), " m123 ", " Nom ", "Prénom", birth, Sex.Male, new DateOnly(2026, 1, 1));

    [Theory]
    [InlineData("2008-11-24", true)]
    [InlineData("2008-11-23", false)]
    [InlineData("2008-11-22", false)]
    [InlineData("2009-11-24", true)]
    public void Minor_is_derived_from_the_birth_date(string birth, bool minor)
    {
        // P36: the day of the 18th birthday ends minority.
        Born(DateOnly.Parse(birth)).IsMinorOn(new DateOnly(2026, 11, 23)).Should().Be(minor);
    }

    [Fact]
    public void Ecrou_and_names_are_stored_trimmed_and_the_ecrou_upper_cased()
    {
        var patient = Born(new DateOnly(1980, 1, 1));

        patient.Ecrou.Should().Be("M123");
        patient.LastName.Should().Be("Nom");
        patient.FullName.Should().Be("NOM Prénom");
    }

    [Fact]
    public void Vulnerability_needs_a_reason_and_losing_it_forgets_the_reason()
    {
        // P07: a person unable to protect himself may be reported without his agreement, so the reason is recorded.
        var patient = Born(new DateOnly(1980, 1, 1));

        patient.Invoking(p => p.SetVulnerability(true, " ")).Should().Throw<DomainException>();
        patient.IsVulnerable.Should().BeFalse();
        patient.SetVulnerability(true, " Grand âge ");
        patient.VulnerabilityReason.Should().Be("Grand âge");
        patient.SetVulnerability(false, null);
        patient.VulnerabilityReason.Should().BeNull();
    }

    [Fact]
    public void Court_ordered_care_keeps_its_start_only_while_there_is_one()
    {
        // P11, P34
        var patient = Born(new DateOnly(1980, 1, 1));
        patient.SetCourtOrderedCare(CourtOrderedCare.InjonctionDeSoins, new DateOnly(2026, 3, 1));
        patient.CourtOrderedCareSince.Should().Be(new DateOnly(2026, 3, 1));

        patient.SetCourtOrderedCare(CourtOrderedCare.None, new DateOnly(2026, 3, 1));
        patient.CourtOrderedCareSince.Should().BeNull();
    }
}
