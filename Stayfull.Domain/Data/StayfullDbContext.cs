using System.Linq.Expressions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Stayfull.Domain.Audit;
using Stayfull.Domain.Channels;
using Stayfull.Domain.Channels.Ari;
using Stayfull.Domain.CheckIn;
using Stayfull.Domain.Folios;
using Stayfull.Domain.Guests;
using Stayfull.Domain.Hotels;
using Stayfull.Domain.Inbox;
using Stayfull.Domain.Integrations;
using Stayfull.Domain.Payments;
using Stayfull.Domain.Messaging;
using Stayfull.Domain.Pricing;
using Stayfull.Domain.Rates;
using Stayfull.Domain.Replies;
using Stayfull.Domain.Reservations;
using Stayfull.Domain.Rooms;
using Stayfull.Domain.Scheduling;
using Stayfull.Domain.SmartRooms;
using Stayfull.Domain.SmartRooms.Climate;
using Stayfull.Domain.Tenancy;
using Stayfull.Domain.Upsells;

namespace Stayfull.Domain.Data;

/// <summary>
/// The one model of the platform. A context is opened for exactly one hotel (<see cref="TenantId"/>):
/// every tenant-owned query is filtered by it and every write outside it is refused.
/// Provider-specific subclasses exist only to carry their own migrations.
/// </summary>
public abstract class StayfullDbContext(DbContextOptions options) : IdentityDbContext<StaffUser>(options), IDataProtectionKeyContext
{
    /// <summary>The hotel this context serves; <see cref="Guid.Empty"/> sees no tenant rows at all.</summary>
    public Guid TenantId { get; internal set; }

    public DbSet<Hotel> Hotels => Set<Hotel>();

    public DbSet<HotelMembership> Memberships => Set<HotelMembership>();

    public DbSet<RoomType> RoomTypes => Set<RoomType>();

    public DbSet<Room> Rooms => Set<Room>();

    public DbSet<RatePlan> RatePlans => Set<RatePlan>();

    public DbSet<RoomTypeDay> RoomTypeDays => Set<RoomTypeDay>();

    public DbSet<Guest> Guests => Set<Guest>();

    public DbSet<Reservation> Reservations => Set<Reservation>();

    public DbSet<FolioEntry> FolioEntries => Set<FolioEntry>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<IntegrationConnection> IntegrationConnections => Set<IntegrationConnection>();

    public DbSet<IntegrationLogEntry> IntegrationLog => Set<IntegrationLogEntry>();

    public DbSet<InboxEvent> InboxEvents => Set<InboxEvent>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<GuestMessage> GuestMessages => Set<GuestMessage>();

    public DbSet<GuestMessageStatusChange> GuestMessageStatusChanges => Set<GuestMessageStatusChange>();

    public DbSet<MessageTemplate> MessageTemplates => Set<MessageTemplate>();

    public DbSet<RoomDevice> RoomDevices => Set<RoomDevice>();

    public DbSet<AccessKey> AccessKeys => Set<AccessKey>();

    public DbSet<ClimateSettings> ClimateSettings => Set<ClimateSettings>();

    public DbSet<RoomClimate> RoomClimates => Set<RoomClimate>();

    public DbSet<EcoPeriod> EcoPeriods => Set<EcoPeriod>();

    public DbSet<SmartRoomAlert> SmartRoomAlerts => Set<SmartRoomAlert>();

    public DbSet<Competitor> Competitors => Set<Competitor>();

    public DbSet<CompetitorRoomMatch> CompetitorRoomMatches => Set<CompetitorRoomMatch>();

    public DbSet<CompetitorRate> CompetitorRates => Set<CompetitorRate>();

    public DbSet<CompetitorRateChange> CompetitorRateChanges => Set<CompetitorRateChange>();

    public DbSet<DemandEvent> DemandEvents => Set<DemandEvent>();

    public DbSet<RoomTypePricing> RoomTypePricing => Set<RoomTypePricing>();

    public DbSet<HotelPricingSettings> PricingSettings => Set<HotelPricingSettings>();

    public DbSet<PricingRecommendation> PricingRecommendations => Set<PricingRecommendation>();

    public DbSet<RateAlert> RateAlerts => Set<RateAlert>();

    public DbSet<UpsellSettings> UpsellSettings => Set<UpsellSettings>();

    public DbSet<AcceptedUpsell> AcceptedUpsells => Set<AcceptedUpsell>();

    public DbSet<ChannelRoomTypeMapping> ChannelRoomTypeMappings => Set<ChannelRoomTypeMapping>();

    public DbSet<ChannelRatePlanMapping> ChannelRatePlanMappings => Set<ChannelRatePlanMapping>();

    public DbSet<PreCheckIn> PreCheckIns => Set<PreCheckIn>();

    public DbSet<AriPendingChange> AriPendingChanges => Set<AriPendingChange>();

    public DbSet<AriCall> AriCalls => Set<AriCall>();

    public DbSet<AriSyncError> AriSyncErrors => Set<AriSyncError>();

    public DbSet<AriSyncState> AriSyncStates => Set<AriSyncState>();

    public DbSet<Channels.Bookings.ChannelBooking> ChannelBookings => Set<Channels.Bookings.ChannelBooking>();

    public DbSet<Channels.Bookings.ChannelBookingRoom> ChannelBookingRooms => Set<Channels.Bookings.ChannelBookingRoom>();

    public DbSet<Channels.Bookings.AppliedChannelRevision> AppliedChannelRevisions => Set<Channels.Bookings.AppliedChannelRevision>();

    public DbSet<Conversation> Conversations => Set<Conversation>();

    public DbSet<ConversationNote> ConversationNotes => Set<ConversationNote>();

    public DbSet<CannedReply> CannedReplies => Set<CannedReply>();

    public DbSet<KnowledgeBaseEntry> KnowledgeBaseEntries => Set<KnowledgeBaseEntry>();

    public DbSet<ReplySettings> ReplySettings => Set<ReplySettings>();

    public DbSet<AutomaticReply> AutomaticReplies => Set<AutomaticReply>();

    /// <summary>
    /// The web instances' shared Data Protection key ring (with <c>DataProtection:KeyStore</c> = <c>Database</c>).
    /// Platform-wide, not a hotel's: no tenant filter applies and the tenant guard leaves it alone.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Each firing of a scheduled job, by instance (not tenant-owned).</summary>
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        GuardTenant();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        GuardTenant();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(StayfullDbContext).Assembly, t => t.Namespace == typeof(StayfullDbContext).Namespace + ".Configuration");

        foreach (var entity in builder.Model.GetEntityTypes().Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType)))
        {
            var method = typeof(StayfullDbContext).GetMethod(nameof(TenantFilter), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(entity.ClrType);
            entity.SetQueryFilter((LambdaExpression)method.Invoke(this, null)!);
        }

        // The tenant row itself: a hotel's context sees only its own hotel; the platform context
        // sees them all (sign-in and the hotel switcher list the hotels a person belongs to).
        builder.Entity<Hotel>().HasQueryFilter(h => TenantId == Guid.Empty || h.Id == TenantId);
    }

    private Expression<Func<T, bool>> TenantFilter<T>()
        where T : ITenantOwned => e => e.HotelId == TenantId;

    /// <summary>Refuses to write a row of another hotel, whatever id the caller managed to get hold of.</summary>
    private void GuardTenant()
    {
        if (TenantId == Guid.Empty)
        {
            return; // platform context: sign-up, seeding, cross-hotel jobs
        }

        foreach (var entry in ChangeTracker.Entries<ITenantOwned>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.HotelId != TenantId)
            {
                throw new InvalidOperationException("A change to another hotel's data was refused.");
            }
        }

        foreach (var entry in ChangeTracker.Entries<Hotel>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && entry.Entity.Id != TenantId)
            {
                throw new InvalidOperationException("A change to another hotel was refused.");
            }
        }
    }
}
