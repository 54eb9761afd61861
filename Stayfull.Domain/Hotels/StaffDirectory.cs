using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Common;
using Stayfull.Domain.Data;
using Stayfull.Domain.Sessions;
using Stayfull.Domain.Tenancy;

namespace Stayfull.Domain.Hotels;

/// <summary>Who works at which hotel, in which role.</summary>
public sealed class StaffDirectory(HotelSessions sessions, StayfullDb database)
{
    /// <summary>Every hotel a person may switch to, for sign-in and the hotel switcher.</summary>
    public async Task<IReadOnlyList<HotelAccess>> HotelsOfAsync(string userId, CancellationToken cancellationToken)
    {
        await using var db = database.ForPlatform();
        return await (from m in db.Memberships.IgnoreQueryFilters()
                      join h in db.Hotels on m.HotelId equals h.Id
                      where m.UserId == userId
                      orderby h.Name
                      select new HotelAccess(h.Id, h.Name, m.Role))
            .AsNoTracking().ToListAsync(cancellationToken);
    }

    public Task<IReadOnlyList<StaffMember>> MembersAsync(CancellationToken cancellationToken) =>
        sessions.ReadAsync<IReadOnlyList<StaffMember>>(async s =>
        {
            s.Staff.Require(StaffRole.Manager, "see the staff list");
            return await (from m in s.Db.Memberships
                          join u in s.Db.Users on m.UserId equals u.Id
                          orderby m.Role descending, u.DisplayName
                          select new StaffMember(m.Id, u.Id, u.DisplayName, u.Email ?? "", m.Role))
                .ToListAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>Gives an existing account a role in this hotel (or changes it).</summary>
    public Task GrantAsync(string userId, StaffRole role, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Owner, "manage staff");
            var membership = await s.Db.Memberships.SingleOrDefaultAsync(m => m.UserId == userId, cancellationToken);
            if (membership is null)
            {
                s.Db.Memberships.Add(new HotelMembership(s.HotelId, userId, role));
            }
            else
            {
                await EnsureAnotherOwnerAsync(s, membership, role, cancellationToken);
                membership.ChangeRole(role);
            }

            s.Audit("Staff", s.HotelId, "RoleGranted", new { UserId = userId, Role = role });
        }, cancellationToken);

    public Task RevokeAsync(Guid membershipId, CancellationToken cancellationToken) =>
        sessions.WriteAsync(async s =>
        {
            s.Staff.Require(StaffRole.Owner, "manage staff");
            var membership = await s.Db.Memberships.SingleOrDefaultAsync(m => m.Id == membershipId, cancellationToken) ?? throw new NotFoundException("Staff member");
            await EnsureAnotherOwnerAsync(s, membership, StaffRole.Housekeeping, cancellationToken);
            s.Db.Memberships.Remove(membership);
            s.Audit("Staff", s.HotelId, "RoleRevoked", new { membership.UserId });
        }, cancellationToken);

    private static async Task EnsureAnotherOwnerAsync(HotelSession s, HotelMembership membership, StaffRole newRole, CancellationToken cancellationToken)
    {
        if (membership.Role == StaffRole.Owner && newRole != StaffRole.Owner
            && !await s.Db.Memberships.AnyAsync(m => m.Role == StaffRole.Owner && m.Id != membership.Id, cancellationToken))
        {
            throw new RuleViolationException("A hotel always keeps at least one owner.");
        }
    }
}

public sealed record HotelAccess(Guid HotelId, string HotelName, StaffRole Role);

public sealed record StaffMember(Guid MembershipId, string UserId, string DisplayName, string Email, StaffRole Role);
