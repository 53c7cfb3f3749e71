-- One database per service: no service reads another's tables.
create database indicators;
create database projects;
create database investment;
create database reporting;
