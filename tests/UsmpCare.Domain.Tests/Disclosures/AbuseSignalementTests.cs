using UsmpCare.Domain.Disclosures;

namespace UsmpCare.Domain.Tests.Disclosures;

public sealed class AbuseSignalementTests
{
    private static (AbuseReportGround Ground, IReadOnlyList<string> Problems) Check(bool agreed = false, bool minor = false,
        bool vulnerable = false, bool informed = true, bool informDirector = false, bool directorAgreed = false,
        string? findings = "Ecchymoses multiples") =>
        AbuseSignalement.Check(agreed, minor, vulnerable, informed, informDirector, directorAgreed, findings);

    [Theory]
    [InlineData(true, false, false, AbuseReportGround.PatientAgreement)]
    [InlineData(true, true, true, AbuseReportGround.PatientAgreement)]
    [InlineData(false, true, false, AbuseReportGround.Minor)]
    [InlineData(false, false, true, AbuseReportGround.Vulnerable)]
    [InlineData(false, true, true, AbuseReportGround.Minor)]
    public void A_report_rests_on_the_patients_agreement_or_on_his_minority_or_vulnerability(bool agreed, bool minor, bool vulnerable,
        AbuseReportGround ground)
    {
        // P07, P36, art. R.4127-44 CSP.
        var (found, problems) = Check(agreed, minor, vulnerable);

        found.Should().Be(ground);
        problems.Should().BeEmpty();
    }

    [Fact]
    public void An_adult_able_to_protect_himself_is_not_reported_without_his_agreement()
    {
        Check().Problems.Should().ContainSingle(p => p.Contains("accord au signalement") && p.Contains("P07"));
    }

    [Fact]
    public void The_patient_is_always_informed_even_when_no_agreement_is_needed()
    {
        Check(minor: true, informed: false).Problems.Should().ContainSingle(p => p.Contains("informé"));
    }

    [Fact]
    public void The_head_of_establishment_is_informed_only_with_the_patients_agreement()
    {
        Check(agreed: true, informDirector: true).Problems.Should().ContainSingle(p => p.Contains("chef d'établissement"));
        Check(agreed: true, informDirector: true, directorAgreed: true).Problems.Should().BeEmpty();
        Check(minor: true, informDirector: true).Problems.Should().ContainSingle(p => p.Contains("chef d'établissement"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_report_states_its_findings(string? findings)
    {
        Check(agreed: true, findings: findings).Problems.Should().ContainSingle(p => p.Contains("constatations"));
    }
}
