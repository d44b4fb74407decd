namespace UsmpCare.Web.Accounts;

/// <summary>One account of a unit with one of the roles asked for (an account holding two of them gives two rows).</summary>
public sealed class StaffMember
{
    public required User User { get; init; }

    public required string Role { get; init; }
}

/// <summary>
/// The one query of a unit's staff by role: the coordinator's list of the staff he leads (P37) and the physicians a
/// requisition may name (art. R.4127-105 CSP) read it, so « who works in this unit » is written once.
/// </summary>
public static class UnitStaff
{
    /// <summary>The accounts that belong to the unit and hold one of <paramref name="roles"/>, by last name.</summary>
    public static IQueryable<StaffMember> StaffInRoles(this AppDbContext db, Guid? unitId, IEnumerable<Role> roles)
    {
        var names = roles.Select(r => r.ToString()).ToList();
        return from m in db.UnitMemberships
               where m.UnitId == unitId
               join u in db.Users on m.UserId equals u.Id
               join ur in db.UserRoles on u.Id equals ur.UserId
               join r in db.Roles on ur.RoleId equals r.Id
               where names.Contains(r.Name!)
               orderby u.LastName
               select new StaffMember { User = u, Role = r.Name! };
    }
}
