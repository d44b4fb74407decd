using UsmpCare.Domain.Continuity;
using static UsmpCare.Domain.Tests.Instants;

namespace UsmpCare.Domain.Tests.Continuity;

public sealed class RecordAccessRequestTests
{
    private static RecordAccessRequest Request(DateOnly received, bool olderThanFiveYears = false,
        AccessRequester requester = AccessRequester.Patient, bool mandate = false, string name = "Le patient") =>
        new(Guid.NewGuid(), Guid.NewGuid(), requester, name, mandate, olderThanFiveYears, received, Author, "Secrétariat", Monday);

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

        request.HandOver(new DateOnly(2026, 12, 3), "Secrétariat");
        request.IsOverdue(new DateOnly(2027, 6, 1)).Should().BeFalse();
    }

    [Fact]
    public void The_record_is_handed_over_once_per_request()
    {
        var request = Request(new DateOnly(2026, 11, 23));
        request.HandOver(new DateOnly(2026, 11, 25), "Secrétariat");

        request.Invoking(r => r.HandOver(new DateOnly(2026, 11, 26), "Autre")).Should().Throw<DomainException>();
        request.HandedOverOn.Should().Be(new DateOnly(2026, 11, 25));
    }

    [Fact]
    public void A_third_party_needs_the_patients_signed_mandate()
    {
        // P19
        var withoutMandate = () => Request(new DateOnly(2026, 11, 23), requester: AccessRequester.MandatedThirdParty, name: "M. Tiers");

        withoutMandate.Should().Throw<DomainException>().WithMessage("*mandat*");
        Request(new DateOnly(2026, 11, 23), requester: AccessRequester.MandatedThirdParty, mandate: true, name: "M. Tiers")
            .MandateRecorded.Should().BeTrue();
        Request(new DateOnly(2026, 11, 23), requester: AccessRequester.Lawyer, name: "Me Avocat").Requester.Should().Be(AccessRequester.Lawyer);
    }

    [Fact]
    public void A_request_names_who_asks()
    {
        var anonymous = () => Request(new DateOnly(2026, 11, 23), name: " ");

        anonymous.Should().Throw<DomainException>();
    }
}
