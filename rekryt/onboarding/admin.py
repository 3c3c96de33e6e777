from django.contrib import admin

from rekryt.onboarding.models import Material, TaskTemplate


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "kind", "must_confirm", "active", "order"]


@admin.register(TaskTemplate)
class TaskTemplateAdmin(admin.ModelAdmin):
    list_display = ["title_sv", "owner", "days", "default_user", "active"]
