namespace Stayfull.Domain.Tenancy;

/// <summary>Port: resolves who is acting now (from the sign-in, or a job's hotel).</summary>
public interface ICurrentStaff
{
    /// <summary>The current staff context; throws <see cref="Common.ForbiddenException"/> when nobody is signed in to a hotel.</summary>
    ValueTask<StaffContext> GetAsync(CancellationToken cancellationToken = default);
}
