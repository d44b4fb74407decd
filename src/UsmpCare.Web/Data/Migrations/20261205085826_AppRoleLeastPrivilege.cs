using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace UsmpCare.Web.Data.Migrations
{
    /// <summary>
    /// ADR 0014: the app's role owns nothing and may not create a table, yet the first audit row of a month creates
    /// its partition (ADR 0013). The function does it as its owner (SECURITY DEFINER), with a fixed search_path so the
    /// caller cannot slip its own objects in; only the role the grants name (migrate) may call it, not PUBLIC.
    /// </summary>
    public partial class AppRoleLeastPrivilege : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER FUNCTION audit.ensure_month_partition(timestamp with time zone)
                    SECURITY DEFINER SET search_path = pg_catalog, pg_temp;
                REVOKE EXECUTE ON FUNCTION audit.ensure_month_partition(timestamp with time zone) FROM PUBLIC;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                GRANT EXECUTE ON FUNCTION audit.ensure_month_partition(timestamp with time zone) TO PUBLIC;
                ALTER FUNCTION audit.ensure_month_partition(timestamp with time zone) SECURITY INVOKER RESET search_path;
                """);
        }
    }
}
