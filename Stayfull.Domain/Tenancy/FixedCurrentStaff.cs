namespace Stayfull.Domain.Tenancy;

/// <summary>A fixed staff context: for jobs, webhook processing, seeding and tests.</summary>
public sealed class FixedCurrentStaff(StaffContext context) : ICurrentStaff
{
    public ValueTask<StaffContext> GetAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(context);
}
