using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Stayfull.Domain.Scheduling;

namespace Stayfull.Domain.Data.Configuration;

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> builder)
    {
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.FireInstanceId).HasMaxLength(JobRun.MaxKeyLength);
        builder.Property(r => r.JobKey).HasMaxLength(JobRun.MaxKeyLength);
        builder.Property(r => r.TriggerKey).HasMaxLength(JobRun.MaxKeyLength);
        builder.Property(r => r.InstanceId).HasMaxLength(JobRun.MaxInstanceLength);
        builder.Property(r => r.Error).HasMaxLength(JobRun.MaxErrorLength);
        builder.HasIndex(r => r.FireInstanceId);
        builder.HasIndex(r => new { r.JobKey, r.ScheduledFireTime });
        builder.HasIndex(r => r.StartedAt);
    }
}
