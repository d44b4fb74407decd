using UsmpCare.Domain.Security;

namespace UsmpCare.Domain.Tests.Security;

public sealed class RolePermissionsTests
{
    [Theory]
    [InlineData(Role.PrisonAdministration)]
    [InlineData(Role.Spip)]
    [InlineData(Role.Administrator)]
    [InlineData(Role.Secretary)]
    public void Roles_outside_the_care_team_hold_no_permission_on_medical_data(Role role)
    {
        // P05: AP and SPIP see no medical field; the secretariat sees no note contents; the administrator no patient.
        Enum.GetValues<Permission>().Where(p => p.TouchesMedicalData())
            .Should().OnlyContain(p => !RolePermissions.Allows(role, p));
    }

    [Fact]
    public void The_administrator_sees_no_patient_at_all()
    {
        RolePermissions.Allows(Role.Administrator, Permission.ViewRoster).Should().BeFalse();
        RolePermissions.Allows(Role.Administrator, Permission.SearchPatients).Should().BeFalse();
        RolePermissions.Allows(Role.Administrator, Permission.ManageAccounts).Should().BeTrue();
    }

    [Fact]
    public void Spip_reads_only_what_was_shared_with_it()
    {
        RolePermissions.Matrix[Role.Spip].Should().BeEquivalentTo([Permission.ViewWhoSeesWhat, Permission.ViewSharedWithSpip]);
    }

    [Fact]
    public void The_pharmacist_holds_the_prescriptions_to_validate_and_nothing_else_of_the_record()
    {
        // Issue #20: no chart, record, care request, document or roster; he belongs to neither team (P30).
        RolePermissions.Matrix[Role.Pharmacist].Should().BeEquivalentTo([Permission.ViewWhoSeesWhat, Permission.ValidatePrescriptions]);
        Enum.GetValues<Role>().Where(r => RolePermissions.Allows(r, Permission.ValidatePrescriptions))
            .Should().BeEquivalentTo([Role.Pharmacist]);
        Role.Pharmacist.IsClinical().Should().BeFalse("he has no team record");
    }

    [Fact]
    public void Every_role_has_a_row_and_a_perimeter_and_every_permission_is_granted_to_someone()
    {
        RolePermissions.Matrix.Keys.Should().BeEquivalentTo(Enum.GetValues<Role>());
        RolePerimeters.All.Select(p => p.Role).Should().BeEquivalentTo(Enum.GetValues<Role>());
        Enum.GetValues<Permission>().Should().OnlyContain(p => Enum.GetValues<Role>().Any(r => RolePermissions.Allows(r, p)));
    }

    [Fact]
    public void Only_physicians_write_consultations_and_only_the_coordinator_manages_unit_staff()
    {
        Enum.GetValues<Role>().Where(r => RolePermissions.Allows(r, Permission.WriteConsultation))
            .Should().BeEquivalentTo([Role.Physician, Role.Psychiatrist, Role.Coordinator, Role.Dentist]);
        Enum.GetValues<Role>().Where(r => RolePermissions.Allows(r, Permission.ManageUnitStaff))
            .Should().BeEquivalentTo([Role.Coordinator]); // P37
    }

    [Fact]
    public void Physicians_psychiatrists_and_dentists_prescribe_and_nurses_and_non_care_roles_do_not()
    {
        // Issue #20: the nurse distributes what a prescriber signed; AP, SPIP, secretariat and administrator never prescribe.
        Enum.GetValues<Role>().Where(r => RolePermissions.Allows(r, Permission.Prescribe))
            .Should().BeEquivalentTo([Role.Physician, Role.Psychiatrist, Role.Coordinator, Role.Dentist]);
        Permission.Prescribe.TouchesMedicalData().Should().BeTrue();
    }

    [Fact]
    public void Only_the_coordinator_sets_the_units_distribution_defaults()
    {
        // Issue #20, P37: the medical lead of the unit; not the pharmacist, who validates and dispenses, nor a nurse.
        Enum.GetValues<Role>().Where(r => RolePermissions.Allows(r, Permission.SetDistributionDefaults))
            .Should().BeEquivalentTo([Role.Coordinator]);
        RolePermissions.Allows(Role.Pharmacist, Permission.SetDistributionDefaults).Should().BeFalse();
        RolePermissions.Allows(Role.Nurse, Permission.SetDistributionDefaults).Should().BeFalse();
    }

    [Fact]
    public void Every_permission_and_role_has_a_french_label()
    {
        Enum.GetValues<Permission>().Should().OnlyContain(p => p.Label() != p.ToString());
        Enum.GetValues<Role>().Should().OnlyContain(r => r.Label() != r.ToString() || r == Role.Spip);
    }

    [Fact]
    public void Every_role_that_reads_medical_data_and_the_administrator_must_use_a_second_factor()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            var readsMedicalData = role.IsClinical() || role == Role.Pharmacist;
            (role.RequiresMfa()).Should().Be(readsMedicalData || role == Role.Administrator, role.ToString());
        }
    }
}
