namespace Stayfull.Domain.Tenancy;

/// <summary>
/// Set by background work (webhook and outbox processors, jobs) on its own DI scope so the domain
/// services in that scope act for one hotel as the system, with no signed-in person.
/// </summary>
public sealed class BackgroundStaffScope
{
    public StaffContext? Context { get; set; }
}
