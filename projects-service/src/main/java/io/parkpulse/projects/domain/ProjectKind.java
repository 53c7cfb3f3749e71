package io.parkpulse.projects.domain;

/** 基础设施 / 标准厂房 / 产业项目 / 公共平台. */
public enum ProjectKind {
    INFRASTRUCTURE("基础设施"),
    STANDARD_FACTORY("标准厂房"),
    INDUSTRIAL("产业项目"),
    PUBLIC_PLATFORM("公共平台");

    public final String label;

    ProjectKind(String label) {
        this.label = label;
    }
}
