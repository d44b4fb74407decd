using UsmpCare.Domain.Consents;
using UsmpCare.Domain.Continuity;
using UsmpCare.Domain.Disclosures;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Continuity;

public sealed class RecordAccessRequestTests
{
    private static RecordAccessRequest Request(DateOnly received, bool olderThanFiveYears = false,
        AccessRequester requester = AccessRequester.Patient, string name = "Le patient") =>
        new(Guid.NewGuid(), Guid.NewGuid(), requester, name, olderThanFiveYears, received, Author, "Secrétariat", Monday);

    private static readonly ConsentState NoConsent = new([]);

    /// <summary>The first bytes of a PDF: the scan's type is read from its content.</summary>
    private static readonly byte[] Scan = "%PDF-1.4 mandat signé"u8.ToArray();

    private static Disclosure HandOver(RecordAccessRequest request, DateOnly on, string by = "Secrétariat") =>
        request.HandOver(NoConsent, on, Author, by, Monday);

    [Theory]
    [InlineData("2026-11-23", false, "2026-12-01")]
    [InlineData("2026-12-28", false, "2027-01-05")]
    [InlineData("2026-11-23", true, "2027-01-23")]
    [InlineData("2026-12-31", true, "2027-02-28")]
    public void The_deadline_is_eight_days_or_two_months_for_information_over_five_years_old(string received, bool old, string due)
    {
        // P19, art. L.1111-7 CSP; a month end carries to the last day of the shorter month.
        Request(DateOnly.Parse(received), old).DueOn.Should().Be(DateOnly.Parse(due));
    }

    [Fact]
    public void A_request_is_overdue_the_day_after_its_deadline_and_never_once_handed_over()
    {
        var request = Request(new DateOnly(2026, 11, 23));

        request.IsOverdue(new DateOnly(2026, 12, 1)).Should().BeFalse();
        request.IsOverdue(new DateOnly(2026, 12, 2)).Should().BeTrue();

        HandOver(request, new DateOnly(2026, 12, 3));
        request.IsOverdue(new DateOnly(2027, 6, 1)).Should().BeFalse();
    }

    [Fact]
    public void The_record_is_handed_over_once_per_request()
    {
        var request = Request(new DateOnly(2026, 11, 23));
        HandOver(request, new DateOnly(2026, 11, 25));

        request.Invoking(r => HandOver(r, new DateOnly(2026, 11, 26), "Autre")).Should().Throw<DomainException>();
        request.HandedOverOn.Should().Be(new DateOnly(2026, 11, 25));
    }

    [Theory]
    [InlineData(AccessRequester.MandatedThirdParty)]
    [InlineData(AccessRequester.Lawyer)]
    public void A_lawyer_or_a_third_party_gets_nothing_before_the_mandate_scan_or_the_legal_basis(AccessRequester requester)
    {
        // P19: the request is recorded (its deadline runs), the hand-over waits for the patient's signed mandate.
        var request = Request(new DateOnly(2026, 11, 23), requester: requester, name: "M. Tiers");

        request.Invoking(r => HandOver(r, new DateOnly(2026, 11, 24))).Should().Throw<DomainException>().WithMessage("*mandat signé du patient*");
        request.HandedOverOn.Should().BeNull();
        request.Invoking(r => r.AttachPatientDocument("pas un scan"u8.ToArray(), "Secrétariat", Monday))
            .Should().Throw<DomainException>().WithMessage("*JPEG, PNG ou PDF*");

        request.AttachPatientDocument(Scan, "Secrétariat", Monday);
        var line = HandOver(request, new DateOnly(2026, 11, 24));

        line.RecipientName.Should().Be("M. Tiers");
        line.Exception.Should().Be(LegalException.RecordAccessRequest);
        line.What.Should().Contain("mandat signé du patient");
    }

    [Fact]
    public void A_legal_basis_from_the_list_stands_for_the_mandate()
    {
        var request = Request(new DateOnly(2026, 11, 23), requester: AccessRequester.MandatedThirdParty, name: "Mme Tutrice");

        request.RecordLegalBasis(AccessLegalBasis.Guardian);

        HandOver(request, new DateOnly(2026, 11, 24)).What.Should().Contain("tuteur");
        Request(new DateOnly(2026, 11, 23), requester: AccessRequester.DesignatedPhysician, name: "Dr Morel")
            .Invoking(r => r.RecordLegalBasis(AccessLegalBasis.Guardian)).Should().Throw<DomainException>();
    }

    [Fact]
    public void The_designated_physicians_request_carries_the_patients_request()
    {
        // P19: the physician the patient designates asks on his behalf, with his written request.
        var request = Request(new DateOnly(2026, 11, 23), requester: AccessRequester.DesignatedPhysician, name: "Dr Morel");

        request.Invoking(r => HandOver(r, new DateOnly(2026, 11, 24))).Should().Throw<DomainException>().WithMessage("*demande écrite du patient*");

        request.AttachPatientDocument(Scan, "Secrétariat", Monday);
        HandOver(request, new DateOnly(2026, 11, 24)).Recipient.Should().Be(RecipientCategory.DesignatedPhysician);
    }

    [Fact]
    public void The_patient_asking_himself_has_nothing_to_attach_and_each_hand_over_is_a_ledger_line()
    {
        var request = Request(new DateOnly(2026, 11, 23));

        request.Invoking(r => r.AttachPatientDocument(Scan, "Secrétariat", Monday)).Should().Throw<DomainException>();
        var line = HandOver(request, new DateOnly(2026, 11, 24));

        line.Recipient.Should().Be(RecipientCategory.Patient);
        line.Exception.Should().Be(LegalException.PatientHimself);
        line.LegalBasis.Should().Contain("L.1111-7");
    }

    [Fact]
    public void A_request_names_who_asks()
    {
        var anonymous = () => Request(new DateOnly(2026, 11, 23), name: " ");

        anonymous.Should().Throw<DomainException>();
    }
}
